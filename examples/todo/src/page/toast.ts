let timer: ReturnType<typeof setTimeout> | undefined;

/**
 * Shows a message at the bottom of the page for a few seconds (errors from the chat, such as a
 * form field that collides with a payload key).
 */
export function showToast(title: string, message: string, ms = 6000): void {
  const toast = document.getElementById("toast");
  if (!toast) return;
  const strong = document.createElement("strong");
  strong.textContent = title;
  toast.replaceChildren(strong, document.createTextNode(message));
  toast.hidden = false;
  clearTimeout(timer);
  timer = setTimeout(() => {
    toast.hidden = true;
  }, ms);
}
