// A lint rule for the layer boundaries of DESIGN.md section 3: it resolves every relative
// import to the folder under src/ it lands in, and reports imports that point outwards.
import path from 'node:path';

/** Which layers each layer may import from (besides itself). */
export const ALLOWED = {
  core: [],
  api: ['core'],
  db: ['core'],
  app: ['core', 'db'],
  server: ['core', 'db', 'app', 'api'],
  // The command line is a client of the HTTP API; without a server it serves that API in
  // its own process on the local database (src/cli/local-api.ts), so it may build one.
  cli: ['core', 'db', 'app', 'api', 'server'],
  // The browser bundle: the domain and the API's types (type-only imports).
  web: ['core', 'api'],
  test: ['core', 'db', 'app', 'api', 'server', 'web'],
};
const TYPE_ONLY = { web: ['api'] };

const layerOf = (file, srcRoot) => {
  const relative = path.relative(srcRoot, file);
  return relative.startsWith('..') ? undefined : relative.split(path.sep)[0];
};

export const layersRule = {
  meta: {
    type: 'problem',
    docs: { description: 'Dependencies point inwards only (DESIGN.md section 3).' },
    schema: [],
    messages: {
      outward: 'The {{from}} layer must not import from {{to}} (DESIGN.md section 3).',
      typeOnly: 'The {{from}} layer may import only types from {{to}}: use `import type`.',
    },
  },
  create(context) {
    const file = context.filename;
    const srcRoot = path.resolve(context.cwd, 'src');
    const from = layerOf(file, srcRoot);
    if (!from || !(from in ALLOWED)) return {};
    // Test files and the browser journeys are test code, whatever folder they sit in.
    const isTest = /\.test\.tsx?$/.test(file) || file.includes(`${path.sep}e2e${path.sep}`);
    const check = (node, source, typeOnly) => {
      if (typeof source !== 'string' || !source.startsWith('.')) return;
      const to = layerOf(path.resolve(path.dirname(file), source), srcRoot);
      if (!to || to === from || isTest) return;
      if (!ALLOWED[from].includes(to)) {
        context.report({ node, messageId: 'outward', data: { from, to } });
      } else if (TYPE_ONLY[from]?.includes(to) && !typeOnly) {
        context.report({ node, messageId: 'typeOnly', data: { from, to } });
      }
    };
    return {
      ImportDeclaration(node) {
        const typeOnly =
          node.importKind === 'type' ||
          (node.specifiers.length > 0 && node.specifiers.every((s) => s.importKind === 'type'));
        check(node, node.source.value, typeOnly);
      },
      ExportNamedDeclaration(node) {
        if (node.source) check(node, node.source.value, node.exportKind === 'type');
      },
      ExportAllDeclaration(node) {
        check(node, node.source.value, node.exportKind === 'type');
      },
      ImportExpression(node) {
        if (node.source.type === 'Literal') check(node, node.source.value, false);
      },
    };
  },
};
