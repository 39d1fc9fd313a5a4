/**
 * Shows a short message under the top bar until the user closes it (a todo that vanished before
 * its details opened). Errors from the chat are not shown here: the element shows its own
 * user-facing errors where they happen, and the page only logs `chatkit.error`.
 */
export function showToast(title: string, message: string): void {
  const toast = document.getElementById("toast");
  if (!toast) return;
  const text = document.createElement("div");
  const strong = document.createElement("strong");
  strong.textContent = title;
  text.append(strong, document.createTextNode(message));
  const close = document.createElement("button");
  close.type = "button";
  close.className = "toast-close";
  close.textContent = "×";
  close.setAttribute("aria-label", "Dismiss");
  close.addEventListener("click", () => {
    toast.hidden = true;
  });
  toast.replaceChildren(text, close);
  toast.hidden = false;
}
