import type { Child } from "hono/jsx";

export interface DataTableColumn {
  label: Child;
  /** "numeric" right-aligns a column of numbers. */
  class?: string;
}

/**
 * A table of records in a region that scrolls sideways on a phone (and can be scrolled from the
 * keyboard). `label` names the region for screen readers, and is the table's caption too: shown
 * (`caption: "visible"`), read only by screen readers ("hidden"), or absent when a heading right
 * above already says it ("none"). Columns left out by a condition are passed as null.
 */
export function DataTable({
  label,
  id,
  caption = "none",
  class: className,
  columns,
  children,
}: {
  label: string;
  id?: string;
  caption?: "visible" | "hidden" | "none";
  class?: string;
  columns: (DataTableColumn | string | null | false)[];
  children?: Child;
}) {
  return (
    <div class="table-scroll" role="region" tabindex={0} aria-label={label}>
      <table class={className ? `data-table ${className}` : "data-table"} id={id}>
        {caption === "none" ? null : caption === "hidden" ? <caption class="visually-hidden">{label}</caption> : <caption>{label}</caption>}
        <thead>
          <tr>
            {columns.map((column) => {
              if (!column) return null;
              const { label: text, class: cls } = typeof column === "string" ? { label: column, class: undefined } : column;
              return (
                <th scope="col" class={cls}>
                  {text}
                </th>
              );
            })}
          </tr>
        </thead>
        <tbody>{children}</tbody>
      </table>
    </div>
  );
}
