// Copies text to the clipboard; where the Clipboard API is refused (an
// insecure origin, an old browser) it selects `field` and copies that.
export async function copyText(text: string, field: HTMLInputElement | null): Promise<boolean> {
  try {
    await navigator.clipboard.writeText(text);
    return true;
  } catch {
    field?.select();
    return document.execCommand("copy");
  }
}
