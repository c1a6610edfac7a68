import { termsFromSearch } from './search/search-terms.ts';

/** Marks the words a reader searched for (`?highlight=…`) on the page a result opened. */
const terms = termsFromSearch(location.search);
if (terms.length > 0) {
  void import('./search/mark-terms.ts').then(({ markTerms }) => {
    const marks = [...document.querySelectorAll('[data-pagefind-body]')].flatMap((root) =>
      markTerms(root, terms),
    );
    const first = marks[0];
    if (first && first.getBoundingClientRect().top > window.innerHeight)
      first.scrollIntoView({ block: 'center' });
  });
}
