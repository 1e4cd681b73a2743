/**
 * The text of a guideline PDF, line by line as pdf.js lays it out, pages separated by a line break.
 * Page footers and broken lines stay in: toParagraphs() removes them exactly as for extracted text.
 */

export class PdfReadError extends Error {}

interface TextItemLike {
  str?: string;
  hasEOL?: boolean;
}

export function isPdf(bytes: Uint8Array): boolean {
  return bytes.length >= 5 && String.fromCharCode(...bytes.subarray(0, 5)) === '%PDF-';
}

/** pdf.js 6 calls Promise.withResolvers (Node ≥ 22); this project runs on Node 20. */
function ensurePromiseWithResolvers() {
  if (typeof Promise.withResolvers === 'function') return;
  Object.defineProperty(Promise, 'withResolvers', {
    configurable: true,
    writable: true,
    value<T>() {
      let resolve!: (value: T | PromiseLike<T>) => void;
      let reject!: (reason?: unknown) => void;
      const promise = new Promise<T>((res, rej) => {
        resolve = res;
        reject = rej;
      });
      return { promise, resolve, reject };
    },
  });
}

export async function pdfText(bytes: Uint8Array): Promise<string> {
  ensurePromiseWithResolvers();
  // The legacy build runs in Node without DOM globals; loaded only when a PDF is given.
  const pdfjs = await import('pdfjs-dist/legacy/build/pdf.mjs');
  const loadingTask = pdfjs.getDocument({ data: bytes.slice(), useSystemFonts: false, verbosity: 0 });
  let doc: Awaited<typeof loadingTask.promise>;
  try {
    doc = await loadingTask.promise;
  } catch (error) {
    throw new PdfReadError(`无法读取 PDF (cannot read the PDF): ${(error as Error).message}`);
  }
  const pages: string[] = [];
  for (let n = 1; n <= doc.numPages; n++) {
    const page = await doc.getPage(n);
    const content = await page.getTextContent();
    let text = '';
    for (const item of content.items as TextItemLike[]) {
      text += item.str ?? '';
      if (item.hasEOL) text += '\n';
    }
    pages.push(text);
  }
  await loadingTask.destroy();
  return pages.join('\n');
}
