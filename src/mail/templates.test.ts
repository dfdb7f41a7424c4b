import { describe, expect, it } from "vitest";
import { locales, messagesFor } from "../i18n/index.js";
import { renderMail, type MailContent } from "./templates.js";

const samples: MailContent[] = [
  { template: "confirm", name: "Ana", listLabel: "national updates", confirmUrl: "https://e.test/updates/confirm/abc", expiresInDays: 7 },
  { template: "welcome", name: "Ana", groupsUrl: "https://e.test/groups" },
  { template: "group-join-confirm", name: "Ana", groupName: "Twin Cities M4A", confirmUrl: "https://e.test/groups/mn/twin-cities/confirm/abc", expiresInDays: 7 },
  { template: "new-member", organizerName: "Bo", groupName: "Twin Cities M4A", memberName: "Ana", memberZip: "55401", membersUrl: "https://e.test/organize/members" },
  { template: "founding-received", name: "Ana", groupName: "Boise M4A", stateName: "Idaho" },
  { template: "founding-approved", name: "Ana", groupName: "Boise M4A", groupUrl: "https://e.test/groups/id/boise-m4a" },
  { template: "group-formed", name: "Ana", groupName: "Boise M4A", stateName: "Idaho", groupUrl: "https://e.test/groups/id/boise-m4a" },
  { template: "contact-relay", groupName: "Boise M4A", senderName: "Cy", message: "When do you meet?" },
];

describe("transactional mail templates", () => {
  for (const locale of locales) {
    for (const content of samples) {
      it(`${content.template} (${locale}) has a subject, a text part and an HTML part with the same links`, () => {
        const mail = renderMail(messagesFor(locale), content);
        expect(mail.subject.length).toBeGreaterThan(5);
        expect(mail.html.startsWith(`<!DOCTYPE html><html lang="${locale}">`)).toBe(true);
        const textLinks = mail.text.match(/https:\/\/e\.test\S*/g) ?? [];
        for (const link of textLinks) expect(mail.html).toContain(`href="${link}"`);
        for (const value of Object.values(content)) {
          if (typeof value === "string" && value !== content.template && !value.startsWith("https://")) expect(mail.text).toContain(value);
        }
      });
    }
  }

  it("escapes what people typed in the HTML part and keeps it readable in the text part", () => {
    const mail = renderMail(messagesFor("en"), { template: "welcome", name: `<img src=x onerror="alert(1)">`, groupsUrl: "https://e.test/groups" });
    expect(mail.html).not.toContain("<img");
    expect(mail.html).toContain("&lt;img src=x onerror=&quot;alert(1)&quot;&gt;");
    expect(mail.text).toContain(`Hi <img src=x onerror="alert(1)">,`);
  });

  it("adds the list footer with unsubscribe and preferences links when given one", () => {
    const mail = renderMail(
      messagesFor("en"),
      { template: "welcome", name: "Ana", groupsUrl: "https://e.test/groups" },
      { listLabel: "national Medicare for All updates", unsubscribeUrl: "https://e.test/unsubscribe/1.1.x", preferencesUrl: "https://e.test/preferences/1.1.x" },
    );
    expect(mail.text).toContain("You get this e-mail because you signed up for national Medicare for All updates on Everybody In.");
    expect(mail.text).toContain("Unsubscribe: https://e.test/unsubscribe/1.1.x");
    expect(mail.html).toContain('href="https://e.test/preferences/1.1.x"');
  });
});
