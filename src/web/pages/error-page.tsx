import { Layout } from "../components/layout.js";
import type { View } from "../view.js";

export type ErrorPageStatus = 400 | 403 | 404 | 409 | 413 | 429 | 500 | 503;

/** One page for every error status: says what happened and what to do next. */
export function ErrorPage({ view, status, message, retryAfterSeconds }: {
  view: View;
  status: ErrorPageStatus;
  /** A specific explanation (from a domain error) shown instead of the generic one. */
  message?: string;
  retryAfterSeconds?: number;
}) {
  const e = view.t.errors;
  const { title, heading, body } = (() => {
    switch (status) {
      case 404:
        return { title: e.notFoundTitle, heading: e.notFoundHeading, body: message ?? e.notFoundBody };
      case 403:
        // A refused policy rule carries a message; an expired form (CSRF) does not.
        return message
          ? { title: e.noAccessTitle, heading: e.noAccessTitle, body: e.noAccessBody }
          : { title: e.forbiddenTitle, heading: e.forbiddenHeading, body: e.forbiddenBody };
      case 413:
        return { title: e.tooLargeTitle, heading: e.tooLargeTitle, body: e.tooLargeBody };
      case 429:
        return { title: e.tooManyTitle, heading: e.tooManyTitle, body: e.tooManyBody(retryAfterSeconds ?? 60) };
      case 400:
        return { title: e.badRequestTitle, heading: e.badRequestTitle, body: message ?? e.badRequestTitle };
      case 409:
        return { title: e.conflictTitle, heading: e.conflictTitle, body: message ?? e.conflictTitle };
      case 503:
        return { title: e.unavailableTitle, heading: e.unavailableTitle, body: message ?? e.unavailableTitle };
      default:
        return { title: e.serverErrorTitle, heading: e.serverErrorHeading, body: e.serverErrorBody(view.requestId) };
    }
  })();
  return (
    <Layout view={view} title={title} noindex>
      <section class="error-page">
        <p class="error-status">{status}</p>
        <h1>{heading}</h1>
        <p>{body}</p>
        <p>
          <a class="button" href={view.href("/")}>
            {e.backHome}
          </a>
        </p>
      </section>
    </Layout>
  );
}
