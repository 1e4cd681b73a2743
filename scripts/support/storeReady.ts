// Build-time edits that keep two dependencies' unused, store-flagged code out of the extension (`web-ext lint`
// warns on both): zod's probe for `new Function` (its JIT; we run zod jitless) and React's
// `dangerouslySetInnerHTML` (we never render HTML: pack and page strings are text). Each edit must match the
// pinned dependency's code exactly, so an upgrade that changes it fails the build instead of shipping the old code.
import type { Plugin } from 'vite';

interface Edit {
  file: RegExp;
  from: string;
  to: string;
}

const edits: Edit[] = [
  {
    file: /\/zod\/v4\/core\/util\.js$/,
    from: 'const F = Function;\n        new F("");\n        return true;',
    to: 'return false;',
  },
  {
    file: /\/react-dom\/cjs\/react-dom-client\.(production|development)\.js$/,
    from: '(domElement.innerHTML = key)',
    to: '(function () { throw Error("GuideCheck renders no HTML strings (dangerouslySetInnerHTML)"); })()',
  },
];

export function storeReady(): Plugin {
  return {
    name: 'guidecheck-store-ready',
    enforce: 'pre',
    transform(code, id) {
      const path = id.split('?')[0]!.replaceAll('\\', '/');
      let out = code;
      for (const edit of edits.filter((e) => e.file.test(path))) {
        if (!out.includes(edit.from))
          this.error(`storeReady: ${path} no longer contains the code to edit: ${edit.from}`);
        out = out.replaceAll(edit.from, edit.to);
      }
      return out === code ? null : { code: out, map: null };
    },
  };
}
