import type { Child } from "hono/jsx";
import type { View } from "../view.js";
import { Layout } from "./layout.js";
import { SignOutForm } from "../pages/account-pages.js";

/** Every /organize page: the site layout with a small bar to the organizer's groups and account. */
export function OrganizeLayout({ view, title, scripts, children }: { view: View; title: string; scripts?: string[]; children?: Child }) {
  return (
    <Layout view={view} title={title} scripts={scripts}>
      <nav class="area-nav" aria-label={view.t.organize.title}>
        <ul>
          <li>
            <a href={view.href("/organize")} aria-current={view.currentPath === "/organize" ? "page" : undefined}>
              {view.t.organize.title}
            </a>
          </li>
          <li>
            <a href={view.href("/account")}>{view.t.accounts.accountTitle}</a>
          </li>
        </ul>
        <SignOutForm view={view} />
      </nav>
      {children}
    </Layout>
  );
}
