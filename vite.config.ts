// Builds the web app (src/web) into dist/web, which the server serves at /.
// `npm run dev` runs this dev server with hot reload, proxying /api to the API server.
import path from 'node:path';
import { defineConfig, type Plugin, type Rolldown } from 'vite';
import react from '@vitejs/plugin-react';
import { NONCE_PLACEHOLDER } from './src/server/page-nonce.ts';

const WEB = path.resolve('src/web');
/** The chunks firstPageChunks() makes. */
const FIRST_PAGE_CHUNKS = ['index', 'sign-in', 'app'];

type Lookup = (id: string) => Pick<Rolldown.ModuleInfo, 'code' | 'importedIds'> | null;

// Static imports and re-exports as they stand in a parsed module: `import a, { b as c }
// from 's'`, `import * as d from 's'`, `import 's'`, `export { e } from 's'`, `export * from 's'`.
const STATEMENT =
  /\b(import)\s*([\w$]+(?=\s*[,{]|\s+from))?\s*,?\s*(\*\s*as\s*[\w$]+|\{[^}]*\})?\s*(?:from\s*)?["']([^"'\n]+)["']|\b(export)\s*(\*(?:\s*as\s*[\w$]+)?|\{[^}]*\})\s*from\s*["']([^"'\n]+)["']/g;
const LOCAL_EXPORT = /\bexport\s*\{([^}]*)\}\s*;?/g;

interface Statement {
  keyword: 'import' | 'export';
  /** Names taken from the target module: `default`, named ones, or all (`*`). */
  imported: string[] | 'all';
  /** What they are called here (for a barrel: what it exports, or its local names). */
  local: string[];
  specifier: string;
}

/** `a`, `b as c` → [[a, a], [b, c]]: the name there, then the name here. */
const names = (list: string) =>
  list
    .replace(/[{}]/g, '')
    .split(',')
    .map((part) => part.trim().split(/\s+as\s+/))
    .filter(([name]) => name)
    .map(([from = '', to]) => [from, to ?? from] as const);

function parseStatements(code: string): Statement[] {
  return [...code.matchAll(STATEMENT)].map((m): Statement => {
    const [keyword, defaultName, clause = '', specifier = ''] = m[1]
      ? ['import' as const, m[2], m[3], m[4]]
      : ['export' as const, undefined, m[6], m[7]];
    if (clause.startsWith('*')) {
      const alias = /as\s*([\w$]+)/.exec(clause)?.[1];
      return { keyword, imported: 'all', local: alias ? [alias] : [], specifier };
    }
    const pairs = names(clause);
    if (!defaultName && pairs.length === 0) return { keyword, imported: 'all', local: [], specifier };
    return {
      keyword,
      imported: [...(defaultName ? ['default'] : []), ...pairs.map(([from]) => from)],
      local: [...(defaultName ? [defaultName] : []), ...pairs.map(([, to]) => to)],
      specifier,
    };
  });
}

/**
 * What the first pages load, module by module, as the bundler will keep it. A module's
 * static imports are followed, except through a barrel (a package's index, which only
 * re-exports its whole package): there only the names a module imports are followed, not
 * everything the index re-exports.
 */
function moduleGraph(lookup: Lookup) {
  const parsed = new Map<string, { statements: Statement[]; targets: (string | undefined)[]; barrel: boolean }>();
  const parse = (id: string) => {
    let result = parsed.get(id);
    if (result) return result;
    const info = lookup(id);
    const code = info?.code ?? '';
    const statements = parseStatements(code);
    const barrel =
      statements.length > 0 &&
      code
        .replace(/\/\*[\s\S]*?\*\/|\/\/.*$/gm, '')
        .replace(STATEMENT, '')
        .replace(LOCAL_EXPORT, '')
        .replace(/[\s;]/g, '') === '';
    // The module each statement names, among those the bundler resolved: a relative path,
    // or a package (its index, not `@mantine/core/styles.css` beside it).
    const imported = info?.importedIds ?? [];
    const specifiers = statements.map((statement) => statement.specifier);
    const targets = specifiers.map((specifier) => {
      if (specifier.startsWith('.')) {
        const target = path.resolve(path.dirname(id), specifier);
        return imported.find((i) => i === target || i.startsWith(`${target}.`) || i.startsWith(`${target}?`));
      }
      const deeper = specifiers.filter((other) => other.startsWith(`${specifier}/`));
      const inPackage = imported.filter(
        (i) =>
          i.includes(`/node_modules/${specifier}/`) && !deeper.some((other) => i.includes(`/node_modules/${other}`)),
      );
      return inPackage[0];
    });
    result = { statements, targets, barrel };
    parsed.set(id, result);
    return result;
  };

  const exportsCache = new Map<string, { named: Map<string, [string, string[] | 'all']>; stars: string[] }>();
  /** A barrel's exports: name → the module it comes from and its name there. */
  const barrelExports = (id: string) => {
    let result = exportsCache.get(id);
    if (result) return result;
    const { statements, targets } = parse(id);
    const locals = new Map<string, [string, string[] | 'all']>();
    const named = new Map<string, [string, string[] | 'all']>();
    const stars: string[] = [];
    statements.forEach((statement, index) => {
      const target = targets[index];
      if (!target) return;
      const into = statement.keyword === 'import' ? locals : named;
      if (statement.imported === 'all') {
        if (statement.local.length === 0 && statement.keyword === 'export') stars.push(target);
        for (const alias of statement.local) into.set(alias, [target, 'all']);
      } else {
        statement.local.forEach((name, i) => into.set(name, [target, [(statement.imported as string[])[i] ?? name]]));
      }
    });
    for (const [, list = ''] of (lookup(id)?.code ?? '').matchAll(LOCAL_EXPORT)) {
      for (const [local, name] of names(list)) {
        const origin = locals.get(local);
        if (origin) named.set(name, origin);
      }
    }
    result = { named, stars };
    exportsCache.set(id, result);
    return result;
  };

  const closure = (roots: string[]): Set<string> => {
    const seen = new Set<string>();
    const barrelNames = new Map<string, Set<string>>();
    const visit = (id: string, wanted: string[] | 'all'): void => {
      const { statements, targets, barrel } = parse(id);
      if (barrel && wanted !== 'all') {
        const done = barrelNames.get(id) ?? new Set<string>();
        barrelNames.set(id, done);
        if (done.has('*')) return;
        seen.add(id);
        const { named, stars } = barrelExports(id);
        for (const name of wanted) {
          if (done.has(name)) continue;
          done.add(name);
          const origin = named.get(name);
          if (origin) visit(origin[0], origin[1]);
          else for (const star of stars) visit(star, [name]);
        }
        return;
      }
      if (barrel) barrelNames.set(id, new Set(['*']));
      if (seen.has(id) && !barrel) return;
      seen.add(id);
      // What this module takes from each barrel it imports; everything else whole.
      const fromBarrels = new Map<string, string[] | 'all'>();
      statements.forEach((statement, index) => {
        const target = targets[index];
        if (!target || !parse(target).barrel) return;
        const before = fromBarrels.get(target) ?? [];
        fromBarrels.set(
          target,
          before === 'all' || statement.imported === 'all' ? 'all' : [...before, ...statement.imported],
        );
      });
      for (const next of lookup(id)?.importedIds ?? []) visit(next, fromBarrels.get(next) ?? 'all');
    };
    for (const root of roots) visit(root, 'all');
    return seen;
  };
  return { closure };
}

/**
 * The first pages' chunks. Left to itself, the bundler splits what the first pages load
 * into some sixty small shared chunks (a module that two pages use gets a chunk of its
 * own), and sixty files compress much worse than the same code in a few. So:
 *
 * - `index`: the entry and everything it imports, and what both the sign-in page and the
 *   signed-in frame use (every first visit needs it);
 * - `sign-in`: the rest of the sign-in page;
 * - `app`: the rest of the signed-in frame (AppLayout) and of the organisation home, the
 *   first page after signing in.
 *
 * A page's texts stay apart, one chunk per namespace and language (src/web/i18n/namespaces.ts).
 *
 * Other pages are chunked as before, importing what they share with these from them. Each
 * chunk holds what its modules import, or finds it in `index`: no chunk waits for a later one.
 */
function firstPageChunks(roots: { entry: string; signIn: string[]; app: string[] }) {
  let groups: Map<string, string> | undefined;
  /** Computed once per build (a watching build starts again with fresh modules). */
  const plugin: Plugin = { name: 'riktning:first-page-chunks', buildStart: () => void (groups = undefined) };
  const compute = (lookup: Lookup) => {
    const { closure } = moduleGraph(lookup);
    const entry = closure([roots.entry]);
    const signIn = closure(roots.signIn);
    const app = closure(roots.app);
    const result = new Map<string, string>();
    for (const id of app) result.set(id, signIn.has(id) ? 'index' : 'app');
    for (const id of signIn) if (!result.has(id)) result.set(id, 'sign-in');
    for (const id of entry) result.set(id, 'index');
    // The entry module keeps a chunk of its own (importing `index`): the page's one script,
    // and the entry of Vite's manifest.
    result.delete(roots.entry);
    return result;
  };
  const name = (id: string, context: Rolldown.ChunkingContext): string | null => {
    groups ??= compute((moduleId) => context.getModuleInfo(moduleId));
    return groups.get(id) ?? null;
  };
  return { plugin, name };
}

const firstPages = firstPageChunks({
  entry: path.join(WEB, 'main.tsx'),
  signIn: [path.join(WEB, 'pages/auth/SignInPage.tsx')],
  app: [path.join(WEB, 'components/AppLayout.tsx'), path.join(WEB, 'pages/home/OrgHomePage.tsx')],
});

/**
 * react-i18next imports the useSyncExternalStore shim for React 17; with React 18 and
 * later the shim hands back React's own hook, so the build takes React's directly.
 */
function reactSyncExternalStore(): Plugin {
  const own = '\0riktning:use-sync-external-store';
  return {
    name: 'riktning:use-sync-external-store',
    apply: 'build',
    enforce: 'pre',
    resolveId: { filter: { id: /^use-sync-external-store\/shim$/ }, handler: () => own },
    load: {
      filter: { id: /^\0riktning:use-sync-external-store$/ },
      handler: () => "export { useSyncExternalStore } from 'react';",
    },
  };
}

/**
 * `messages.ts?locale=sv` (or `i18n/common.ts?locale=sv`) is that namespace in Swedish only:
 * a namespace's module is one call, `bilingual(english, swedish)`, and the other language's
 * object becomes empty (the type checker has already held both to the same keys). Its import
 * of `bilingual` becomes a copy of that one-line function, so each namespace is one file that
 * imports nothing. src/web/i18n/namespaces.ts loads them.
 */
const ONE_LANGUAGE = /[\\/](?:messages|common)\.ts\?locale=(en|sv)$/;
function oneLanguage(): Plugin {
  type Node = {
    type?: string;
    start: number;
    end: number;
    callee?: Node;
    name?: string;
    arguments?: Node[];
    source?: { value?: unknown };
  };
  return {
    name: 'riktning:one-language',
    transform: {
      filter: { id: ONE_LANGUAGE },
      handler(code, id) {
        const language = ONE_LANGUAGE.exec(id)?.[1];
        if (!language) return null;
        const calls: Node[][] = [];
        const imports: Node[] = [];
        const visit = (node: unknown): void => {
          if (!node || typeof node !== 'object') return;
          const n = node as Node;
          if (n.type === 'CallExpression' && n.callee?.type === 'Identifier' && n.callee.name === 'bilingual') {
            calls.push(n.arguments ?? []);
          }
          if (n.type === 'ImportDeclaration') imports.push(n);
          for (const value of Object.values(node)) visit(value);
        };
        visit(this.parse(code));
        const [english, swedish] = calls.length === 1 ? (calls[0] ?? []) : [];
        const drop = language === 'en' ? swedish : english;
        const [bilingual] = imports;
        if (!english || !swedish || drop?.type !== 'ObjectExpression') {
          return this.error(`${id}: expected one bilingual({ english }, { swedish }) call`);
        }
        if (!bilingual || imports.length !== 1 || !String(bilingual.source?.value).endsWith('/bilingual.ts')) {
          return this.error(`${id}: expected one import, of bilingual.ts`);
        }
        // Blanked, not cut: every other character stays where it was, so the source map holds
        // (the function is added at the end).
        const blank = (from: number, to: number) => code.slice(from, to).replace(/[^\n]/g, ' ');
        return {
          code:
            code.slice(0, bilingual.start) +
            blank(bilingual.start, bilingual.end) +
            code.slice(bilingual.end, drop.start + 1) +
            blank(drop.start + 1, drop.end - 1) +
            code.slice(drop.end - 1) +
            '\nfunction bilingual(en, sv) { return { en, sv }; }\n',
          map: null,
        };
      },
    },
  };
}

/**
 * React Router's package points every bundler at its development build, whose warnings
 * stay switched on in production; the build uses its production build beside it.
 */
function reactRouterProductionBuild(): Plugin {
  return {
    name: 'riktning:react-router-production',
    apply: 'build',
    enforce: 'pre',
    resolveId: {
      filter: { id: /^react-router$/ },
      async handler(source, importer) {
        const resolved = await this.resolve(source, importer, { skipSelf: true });
        return (
          resolved && { ...resolved, id: resolved.id.replace(/([\\/]dist[\\/])development([\\/])/, '$1production$2') }
        );
      },
    },
  };
}

/**
 * React Router's build is one large module for all its routers. The bundler keeps whatever
 * it cannot prove free of effects: a context or component made at the top (`var Form =
 * React.forwardRef(…)`) and the `Form.displayName = "Form"` after it. So the data router's
 * contexts, `NavLink` and `Form` came along though nothing uses them. Here those values are
 * marked pure, and each `displayName` is set as part of making its value, so an unused one
 * goes with it; a used one keeps its name.
 */
const REACT_ROUTER_MODULE = /[\\/]node_modules[\\/]react-router[\\/]dist[\\/]production[\\/][^\\/]+\.mjs$/;
/** Calls that only make a value: `React.createContext(…)`, `new Set(…)`, `Symbol(…)`, … */
const MAKES_A_VALUE = /^(?:[\w$]+\.(?:createContext|forwardRef|memo|createElement)|Set|Map|WeakMap|URL|Symbol)$/;
function reactRouterTreeShaking(): Plugin {
  type Node = {
    type: string;
    start: number;
    end: number;
    declarations?: Node[];
    id?: Node;
    init?: Node | null;
    name?: string;
    callee?: Node;
    object?: Node;
    property?: Node;
    expression?: Node;
    left?: Node;
    right?: Node;
  };
  const calleeName = (node: Node | undefined): string => {
    if (node?.type === 'Identifier') return node.name ?? '';
    if (node?.type === 'MemberExpression') return `${calleeName(node.object)}.${calleeName(node.property)}`;
    return '';
  };
  // `Object.getOwnPropertyNames(Object.prototype).sort().join("\0")`: a chain that starts there.
  const innermostCall = (node: Node): Node =>
    node.type === 'CallExpression' &&
    node.callee?.type === 'MemberExpression' &&
    node.callee.object?.type === 'CallExpression'
      ? innermostCall(node.callee.object)
      : node;
  const isPure = (init: Node) => {
    if (init.type !== 'CallExpression' && init.type !== 'NewExpression') return false;
    const name = calleeName(innermostCall(init).callee);
    return MAKES_A_VALUE.test(name) || name === 'Object.getOwnPropertyNames';
  };
  return {
    name: 'riktning:react-router-tree-shaking',
    apply: 'build',
    transform: {
      filter: { id: REACT_ROUTER_MODULE },
      handler(code) {
        const body = (this.parse(code) as unknown as { body: Node[] }).body;
        const inits = new Map<string, Node>();
        for (const statement of body)
          for (const declaration of statement.type === 'VariableDeclaration' ? (statement.declarations ?? []) : [])
            if (declaration.id?.type === 'Identifier' && declaration.init && isPure(declaration.init))
              inits.set(declaration.id.name ?? '', declaration.init);
        // Edits from the end backwards, so each one's positions still hold.
        const edits: { start: number; end: number; text: string }[] = [];
        const names = new Map<Node, Node>();
        for (const statement of body) {
          const assignment = statement.type === 'ExpressionStatement' ? statement.expression : undefined;
          const target = assignment?.type === 'AssignmentExpression' ? assignment.left : undefined;
          const init = inits.get(target?.object?.type === 'Identifier' ? (target.object.name ?? '') : '');
          if (!assignment?.right || !init || calleeName(target?.property) !== 'displayName') continue;
          names.set(init, assignment.right);
          edits.push({ start: statement.start, end: statement.end, text: '' });
        }
        for (const init of inits.values()) {
          const name = names.get(init);
          // Arguments are evaluated even for a pure call: the inner call is marked too.
          const made = `/* @__PURE__ */ ${code.slice(init.start, init.end)}`;
          edits.push({
            start: init.start,
            end: init.end,
            text: name
              ? `/* @__PURE__ */ Object.assign(${made}, { displayName: ${code.slice(name.start, name.end)} })`
              : made,
          });
        }
        edits.sort((a, b) => b.start - a.start);
        let result = code;
        for (const edit of edits) result = result.slice(0, edit.start) + edit.text + result.slice(edit.end);
        return { code: result, map: null };
      },
    },
  };
}

export default defineConfig({
  root: 'src/web',
  plugins: [
    react(),
    reactRouterProductionBuild(),
    reactRouterTreeShaking(),
    reactSyncExternalStore(),
    oneLanguage(),
    firstPages.plugin,
  ],
  // A <meta property="csp-nonce"> for the app (Mantine's <style> elements carry its nonce),
  // and the nonce on the page's tags; the server fills in each answer's (src/server/page-nonce.ts).
  html: { cspNonce: NONCE_PLACEHOLDER },
  build: {
    outDir: '../../dist/web',
    emptyOutDir: true,
    sourcemap: true,
    manifest: true,
    // The budget for the first pages is checked by `npm run bench:bundle`, not by a warning.
    chunkSizeWarningLimit: 1024,
    // Every browser the app supports preloads modules itself.
    modulePreload: { polyfill: false },
    rolldownOptions: {
      output: {
        // The first pages' chunks by name; the rest by hash only: every page's list of the
        // chunks it needs (its preload list) is in the first page's script, name by name.
        chunkFileNames: (chunk) =>
          FIRST_PAGE_CHUNKS.includes(chunk.name) ? 'assets/[name]-[hash].js' : 'assets/[hash].js',
        codeSplitting: {
          groups: [{ debugName: 'first pages', name: firstPages.name, includeDependenciesRecursively: false }],
        },
      },
    },
  },
  server: {
    port: Number(process.env.WEB_PORT ?? 5173),
    proxy: { '/api': `http://127.0.0.1:${process.env.PORT ?? 3000}` },
  },
});
