/**
 * Copies text. The async Clipboard API can be refused (no focus, no permission, an insecure
 * origin); the selection-based fallback still works there.
 */
export async function copyText(text: string): Promise<boolean> {
  try {
    await navigator.clipboard.writeText(text);
    return true;
  } catch {
    const area = document.createElement('textarea');
    area.value = text;
    area.setAttribute('readonly', '');
    area.className = 'offscreen';
    document.body.append(area);
    area.select();
    try {
      // Deprecated but still the only synchronous way when the Clipboard API is refused.
      return document.execCommand('copy');
    } finally {
      area.remove();
    }
  }
}
