// Types for the parts of nlp.js (AXA) the coach uses: Snowball stemmers and stop-word lists.
declare module '@nlpjs/lang-sv/src/stemmer-sv.js' {
  export default class StemmerSv {
    stem(word: string): string;
  }
}
declare module '@nlpjs/lang-sv/src/stopwords-sv.js' {
  export default class StopwordsSv {
    isStopword(word: string): boolean;
  }
}
declare module '@nlpjs/lang-en-min/src/stemmer-en.js' {
  export default class StemmerEn {
    stem(word: string): string;
  }
}
declare module '@nlpjs/lang-en-min/src/stopwords-en.js' {
  export default class StopwordsEn {
    isStopword(word: string): boolean;
  }
}
