import { Fragment } from "react";

/**
 * A short label (a table header) that may wrap only between the words it names: each run between
 * spaces or zero-width spaces (U+200B) stays whole. The browser's dictionary breaks Thai at any
 * word it knows, even inside a compound ("ขั้น/ตอน", "น้ำ/หนัก"); a header says where it may wrap.
 */
export function Words({ text }: { text: string }) {
  const parts = text.split(/([ \u200b])/);
  return (
    <>
      {parts.map((part, i) =>
        part === " " ? (
          " "
        ) : part === "\u200b" ? (
          // biome-ignore lint/suspicious/noArrayIndexKey: the parts of a fixed text
          <wbr key={i} />
        ) : part ? (
          // biome-ignore lint/suspicious/noArrayIndexKey: the parts of a fixed text
          <span key={i} style={{ whiteSpace: "nowrap" }}>
            {part}
          </span>
        ) : (
          // biome-ignore lint/suspicious/noArrayIndexKey: the parts of a fixed text
          <Fragment key={i} />
        ),
      )}
    </>
  );
}
