/** "1) R$ 150,00, vence 10/12/2026" lines, numbered from 1; the answer is read by dialogues/pick-option.ts. */
export function numberedLines(labels: readonly string[]): string {
  return labels.map((label, index) => `${index + 1}) ${label}`).join('\n');
}
