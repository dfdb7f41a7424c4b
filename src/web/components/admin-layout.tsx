import type { Child } from "hono/jsx";
import type { View } from "../view.js";
import { Layout } from "./layout.js";
import { SignOutForm } from "../pages/account-pages.js";

export type AdminSection = "dashboard" | "moderation" | "groups" | "campaigns" | "cosponsors" | "people" | "broadcasts" | "events" | "news" | "referrals" | "audit";

const sections: { key: AdminSection; path: string }[] = [
  { key: "dashboard", path: "/admin" },
  { key: "moderation", path: "/admin/applications" },
  { key: "groups", path: "/admin/groups" },
  { key: "campaigns", path: "/admin/campaigns" },
  { key: "cosponsors", path: "/admin/cosponsors" },
  { key: "people", path: "/admin/people" },
  { key: "broadcasts", path: "/admin/broadcasts" },
  { key: "events", path: "/admin/events" },
  { key: "news", path: "/admin/news" },
  { key: "referrals", path: "/admin/referrals" },
  { key: "audit", path: "/admin/audit" },
];

/** Every /admin page: the site layout with the admin sections' navigation above the content. */
export function AdminLayout({ view, title, section, scripts, children }: { view: View; title: string; section: AdminSection; scripts?: string[]; children?: Child }) {
  const t = view.t.admin;
  return (
    <Layout view={view} title={`${title} · ${t.title}`} scripts={scripts}>
      <nav class="area-nav" aria-label={t.navLabel}>
        <ul>
          {sections.map((s) => (
            <li>
              <a href={view.href(s.path)} aria-current={s.key === section ? "page" : undefined}>
                {t.nav[s.key]}
              </a>
            </li>
          ))}
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
