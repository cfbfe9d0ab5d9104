import { searchText, thaiSortKey } from "@cpm/schema/rules";

/** The derived columns stored beside a name: its search form and its Thai sort key. */
export const nameColumns = (name: string) => ({ nameSearch: searchText(name), nameSortKey: thaiSortKey(name) });
