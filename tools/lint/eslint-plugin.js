// The repository's own ESLint rules. `what-if/layering`: an import must follow the layering
// (tools/lint/layering.js; docs/architecture.md, "Layering").
const path = require('node:path');
const { areaOf, targetOf, violation } = require('./layering');

const repositoryRoot = path.resolve(__dirname, '..', '..');

const layering = {
  meta: {
    type: 'problem',
    docs: {
      description: 'Imports follow the layering: catalog, contracts, kit, services, deployment, tools, tests',
    },
    schema: [],
    messages: { against: "Importing '{{specifier}}' here is against the layering: {{why}}." },
  },
  create(context) {
    const from = areaOf(path.relative(repositoryRoot, context.filename));
    if (!from) return {};
    const check = (node) => {
      if (!node || node.type !== 'Literal' || typeof node.value !== 'string') return;
      const to = targetOf(node.value, context.filename, repositoryRoot);
      const why = to && violation(from, to);
      if (why) context.report({ node, messageId: 'against', data: { specifier: node.value, why } });
    };
    return {
      ImportDeclaration: (node) => check(node.source),
      ExportNamedDeclaration: (node) => check(node.source),
      ExportAllDeclaration: (node) => check(node.source),
      ImportExpression: (node) => check(node.source),
      // import x = require('…') and import('…') in a type position
      TSExternalModuleReference: (node) => check(node.expression),
      TSImportType: (node) =>
        check(node.argument.type === 'TSLiteralType' ? node.argument.literal : node.argument),
      CallExpression: (node) => {
        if (node.callee.type === 'Identifier' && node.callee.name === 'require') check(node.arguments[0]);
      },
    };
  },
};

module.exports = { meta: { name: 'what-if' }, rules: { layering } };
