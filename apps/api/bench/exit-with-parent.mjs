// Preloaded (`node --import`) into the servers that the bench starts, over an IPC channel: when the
// bench process goes away without stopping them (killed, crashed), they stop too instead of
// lingering on their ports. SIGTERM lets a server close itself; a stuck one is ended after 5 s.
if (process.send) {
  process.on("disconnect", () => {
    setTimeout(() => process.exit(1), 5_000).unref();
    process.kill(process.pid, "SIGTERM");
  });
}
