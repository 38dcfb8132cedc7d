/**
 * Whether a bundle's text carries zod's locales: full `zod` (`import { z } from 'zod'`) pulls in every
 * language's error messages (~400 KiB minified); `zod/mini` carries none. Matched on strings only the locale
 * files hold (German and Portuguese messages), raw or as esbuild escapes them.
 */
export function containsZodLocales(bundleText: string): boolean {
  return /Ung(?:ü|\\xFC|\\u00FC)ltige Eingabe|Entrada inv(?:á|\\xE1|\\u00E1)lida/.test(bundleText);
}
