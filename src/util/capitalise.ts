/** `s` with its first UTF-16 unit upper-cased: `capitalise('states') === 'States'`. */
export const capitalise = (s: string): string => s.charAt(0).toUpperCase() + s.slice(1);
