// Every string a person sees exists in Swedish and English: a namespace is written as
// English text plus a Swedish translation that the type checker holds to the same keys.

export type Translation<T> = { [K in keyof T]: T[K] extends string ? string : Translation<T[K]> };

export function bilingual<const T extends object>(en: T, sv: Translation<T>): { en: T; sv: Translation<T> } {
  return { en, sv };
}
