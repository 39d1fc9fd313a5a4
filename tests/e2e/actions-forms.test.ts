/**
 * Forms in widgets through the real `<threadkit-chat>`: every field goes into the payload of
 * actions inside the form (dotted names nested), native required/pattern validation blocks
 * submission and focuses the invalid field, payload key collisions drop the field with a
 * chatkit.error, Card asForm validates and sends its fields with confirm, and every control is a
 * named native element with an accessible name.
 */
import type { Browser, Locator } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  focusedName,
  launchBrowser,
  newPage,
  openWidgetChat,
  recordedEvents,
  requestsOf,
  type WidgetChat,
  waitForEvent,
} from "./helpers/index.js";
import { loadFixtures, mountWidget, startWidgetHarness } from "./widgets-fixture.js";

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

const FORM = {
  type: "Card",
  children: [
    {
      type: "Form",
      onSubmitAction: { type: "save", payload: { id: 7 } },
      children: [
        { type: "Label", value: "Title", fieldName: "todo.title" },
        { type: "Input", name: "todo.title", required: true },
        { type: "Input", name: "todo.code", pattern: "[A-Z]{3}", placeholder: "Code" },
        { type: "Textarea", name: "todo.notes", defaultValue: "first notes" },
        {
          type: "Select",
          name: "todo.priority",
          defaultValue: "low",
          options: [
            { value: "low", label: "Low" },
            { value: "high", label: "High" },
          ],
        },
        { type: "Checkbox", name: "todo.done", label: "Done" },
        {
          type: "RadioGroup",
          name: "size",
          ariaLabel: "Size",
          defaultValue: "m",
          options: [
            { value: "s", label: "Small" },
            { value: "m", label: "Medium" },
          ],
        },
        { type: "DatePicker", name: "due", defaultValue: "2026-12-01T00:00:00Z" },
        { type: "Text", value: "", editable: { name: "owner.name", placeholder: "Owner" } },
        {
          type: "Select",
          name: "view",
          placeholder: "View",
          onChangeAction: { type: "change_view" },
          options: [
            { value: "list", label: "List" },
            { value: "board", label: "Board" },
          ],
        },
        { type: "Button", label: "Save", submit: true },
        { type: "Button", label: "Preview", onClickAction: { type: "preview" } },
      ],
    },
  ],
};

const lastPayload = (chat: WidgetChat) =>
  (
    requestsOf(chat.harness, "threads.custom_action").at(-1)?.params.action as {
      payload: unknown;
    }
  )?.payload;

async function submitted(chat: WidgetChat, count: number) {
  await waitForEvent(chat.page, "chatkit.response.end", count + 1);
  expect(requestsOf(chat.harness, "threads.custom_action")).toHaveLength(count);
}

const field = (chat: WidgetChat, name: string): Locator =>
  chat.widget.locator(`[name="${name}"]`).first();

describe("forms", () => {
  it("sends every field in the payload of every action inside the form, dotted names nested", async () => {
    const chat = await openWidgetChat(browser, { widget: FORM });
    try {
      await field(chat, "todo.title").fill("Buy milk");
      await field(chat, "todo.code").fill("ABC");
      await field(chat, "todo.notes").fill("two litres");
      await field(chat, "todo.priority").selectOption("high");
      await chat.widget.getByLabel("Done").check();
      await chat.widget.getByLabel("Small").check();
      await field(chat, "owner.name").fill("Ann");
      await chat.widget.getByRole("button", { name: "Save" }).click();
      await submitted(chat, 1);
      const values = {
        todo: {
          title: "Buy milk",
          code: "ABC",
          notes: "two litres",
          priority: "high",
          done: true,
        },
        size: "s",
        due: "2026-12-01",
        owner: { name: "Ann" },
        view: "",
      };
      expect(requestsOf(chat.harness, "threads.custom_action")[0]?.params.action).toEqual({
        type: "save",
        payload: { id: 7, ...values },
      });
      // A plain Button inside the form: its own action, with the same values.
      await chat.widget.getByRole("button", { name: "Preview" }).click();
      await submitted(chat, 2);
      expect(lastPayload(chat)).toEqual(values);
      // A change action inside the form carries the values too (with the new selection).
      await field(chat, "view").selectOption("board");
      await submitted(chat, 3);
      expect(requestsOf(chat.harness, "threads.custom_action")[2]?.params.action).toEqual({
        type: "change_view",
        payload: { ...values, view: "board" },
      });
      expect(chat.errors).toEqual([]);
    } finally {
      await chat.dispose();
    }
  });

  it("required and pattern block submission with native messages and focus the invalid field", async () => {
    const chat = await openWidgetChat(browser, { widget: FORM });
    try {
      const save = chat.widget.getByRole("button", { name: "Save" });
      await save.click();
      await expect(focusedName(chat.page)).resolves.toBe("todo.title");
      const title = field(chat, "todo.title");
      await expect(
        title.evaluate((el: HTMLInputElement) => el.validity.valueMissing),
      ).resolves.toBe(true);
      await expect(
        title.evaluate((el: HTMLInputElement) => el.validationMessage),
      ).resolves.not.toBe("");

      await title.fill("Milk");
      await field(chat, "todo.code").fill("abc");
      await save.click();
      await expect(focusedName(chat.page)).resolves.toBe("todo.code");
      await expect(
        field(chat, "todo.code").evaluate((el: HTMLInputElement) => el.validity.patternMismatch),
      ).resolves.toBe(true);
      await chat.page.waitForTimeout(200);
      expect(requestsOf(chat.harness, "threads.custom_action")).toHaveLength(0);

      // Enter in a single-line field submits once the form is valid.
      await field(chat, "todo.code").fill("XYZ");
      await field(chat, "todo.code").press("Enter");
      await submitted(chat, 1);
      expect(lastPayload(chat)).toMatchObject({ id: 7, todo: { title: "Milk", code: "XYZ" } });
    } finally {
      await chat.dispose();
    }
  });

  it("an errorMessage is the native message; field errors from the server go under their fields", async () => {
    const widget = {
      type: "Card",
      children: [
        {
          type: "Form",
          onSubmitAction: { type: "join" },
          children: [
            {
              type: "Input",
              name: "code",
              pattern: "[A-Z]{3}",
              errorMessage: "Three capital letters",
            },
            { type: "Checkbox", name: "agree", label: "I agree" },
            {
              type: "RadioGroup",
              name: "plan",
              ariaLabel: "Plan",
              options: [{ value: "a", label: "A" }],
            },
            { type: "Button", label: "Join", submit: true },
          ],
        },
      ],
    };
    const chat = await openWidgetChat(browser, {
      widget,
      action: async function* (ctx) {
        yield {
          type: "client_effect",
          name: "threadkit.field_errors",
          data: {
            item_id: String(ctx.request.params.item_id),
            errors: { plan: "Pick a plan", agree: "You must agree" },
          },
        };
      },
    });
    try {
      const code = field(chat, "code");
      await code.fill("abc");
      await chat.widget.getByRole("button", { name: "Join" }).click();
      await expect(code.evaluate((el: HTMLInputElement) => el.validationMessage)).resolves.toBe(
        "Three capital letters",
      );
      await code.fill("ABC");
      await chat.widget.getByRole("button", { name: "Join" }).click();
      await submitted(chat, 1);
      const agree = field(chat, "agree");
      await chat.widget.locator(".field-error", { hasText: "You must agree" }).waitFor();
      await expect(agree.getAttribute("aria-invalid")).resolves.toBe("true");
      const plan = chat.widget.locator("fieldset", { has: chat.page.locator('[name="plan"]') });
      await expect(plan.getAttribute("aria-invalid")).resolves.toBe("true");
      const describedBy = await plan.getAttribute("aria-describedby");
      await expect(chat.widget.locator(`[id="${describedBy}"]`).textContent()).resolves.toBe(
        "Pick a plan",
      );
      // The first field in the form's order has focus (the checkbox comes before the radios).
      await expect(focusedName(chat.page)).resolves.toBe("agree");
      await agree.check();
      await expect(chat.widget.locator(".field-error").count()).resolves.toBe(1);
      await expect(agree.getAttribute("aria-invalid")).resolves.toBeNull();
    } finally {
      await chat.dispose();
    }
  });

  it("a field named like a static payload key is ignored and a chatkit.error names it", async () => {
    const widget = {
      type: "Card",
      children: [
        {
          type: "Form",
          onSubmitAction: { type: "rename", payload: { id: 7, meta: { source: "card" } } },
          children: [
            { type: "Input", name: "id", defaultValue: "999" },
            { type: "Input", name: "meta.source", defaultValue: "form" },
            { type: "Input", name: "title", defaultValue: "New title" },
            { type: "Button", label: "Rename", submit: true },
          ],
        },
      ],
    };
    const chat = await openWidgetChat(browser, { widget });
    try {
      await chat.widget.getByRole("button", { name: "Rename" }).click();
      await submitted(chat, 1);
      expect(lastPayload(chat)).toEqual({ id: 7, meta: { source: "card" }, title: "New title" });
      const errors = (await recordedEvents(chat.page, "chatkit.error")).map((e) =>
        JSON.stringify(e.detail),
      );
      expect(errors).toHaveLength(2);
      expect(errors[0]).toContain('\\"id\\"');
      expect(errors[1]).toContain('\\"meta.source\\"');
    } finally {
      await chat.dispose();
    }
  });

  it("a Card with asForm validates and sends its fields with the confirm action", async () => {
    const widget = {
      type: "Card",
      asForm: true,
      confirm: { label: "Send", action: { type: "send", payload: { k: 1 } } },
      cancel: { label: "Cancel", action: { type: "cancel" } },
      children: [
        { type: "Title", value: "Contact" },
        { type: "Input", name: "contact.email", inputType: "email", required: true },
      ],
    };
    const chat = await openWidgetChat(browser, { widget });
    try {
      await chat.widget.getByRole("button", { name: "Send" }).click();
      await expect(focusedName(chat.page)).resolves.toBe("contact.email");
      await field(chat, "contact.email").fill("not an email");
      await chat.widget.getByRole("button", { name: "Send" }).click();
      await expect(
        field(chat, "contact.email").evaluate((el: HTMLInputElement) => el.validity.typeMismatch),
      ).resolves.toBe(true);
      await chat.page.waitForTimeout(200);
      expect(requestsOf(chat.harness, "threads.custom_action")).toHaveLength(0);
      await field(chat, "contact.email").fill("ann@example.com");
      await chat.widget.getByRole("button", { name: "Send" }).click();
      await submitted(chat, 1);
      expect(requestsOf(chat.harness, "threads.custom_action")[0]?.params.action).toEqual({
        type: "send",
        payload: { k: 1, contact: { email: "ann@example.com" } },
      });
    } finally {
      await chat.dispose();
    }
  });

  it("renders native named controls, each with an accessible name", async () => {
    const chat = await openWidgetChat(browser, { widget: FORM });
    try {
      const attrs = await chat.widget.evaluate((host) => {
        const root = host.shadowRoot!;
        return [...root.querySelectorAll("input, select, textarea")].map((el) => ({
          tag: el.tagName.toLowerCase(),
          name: el.getAttribute("name"),
          required: el.hasAttribute("required"),
          pattern: el.getAttribute("pattern"),
        }));
      });
      expect(attrs.map((a) => a.name)).toEqual([
        "todo.title",
        "todo.code",
        "todo.notes",
        "todo.priority",
        "todo.done",
        "size",
        "size",
        "due",
        "owner.name",
        "view",
      ]);
      expect(attrs[0]).toMatchObject({ tag: "input", required: true });
      expect(attrs[1]).toMatchObject({ tag: "input", pattern: "[A-Z]{3}" });
      const snapshot = await chat.widget.ariaSnapshot();
      const controls = snapshot
        .split("\n")
        .map((l) => l.trim())
        .filter((l) => /^- (textbox|combobox|checkbox|radio|button|spinbutton)\b/.test(l));
      expect(controls.length).toBeGreaterThanOrEqual(attrs.length);
      for (const line of controls) expect(line).toMatch(/^- \w+ "[^"]+"/);
      expect(snapshot).toContain('textbox "Title"');
      expect(snapshot).toContain('radio "Small"');
    } finally {
      await chat.dispose();
    }
  });

  it("gives every control of every shared fixture an accessible name", async () => {
    const harness = await startWidgetHarness();
    const { page, close } = await newPage(browser);
    try {
      let controls = 0;
      for (const { name, widget } of loadFixtures()) {
        await mountWidget(page, harness, widget);
        const snapshot = await page.locator("tk-widget").ariaSnapshot();
        const lines = snapshot
          .split("\n")
          .map((l) => l.trim())
          .filter((l) => /^- (textbox|combobox|checkbox|radio|button|spinbutton)\b/.test(l));
        controls += lines.length;
        const unnamed = lines.filter((l) => !/^- \w+ "[^"]+"/.test(l));
        expect({ name, unnamed }).toEqual({ name, unnamed: [] });
      }
      expect(controls).toBeGreaterThan(10);
    } finally {
      await close();
      await harness.close();
    }
  });
});
