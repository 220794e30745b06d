// Checks that a .vsix (a zip) holds the extension and its runtime
// dependency: node scripts/check-vsix.js shiplint.vsix. The zip is read
// with yauzl, the reader vsce itself uses, because unzip may not be
// installed where node is.
'use strict';

const vsce = require.resolve('@vscode/vsce/package.json');
const yauzl = require(require.resolve('yauzl', { paths: [vsce] }));

const want = [
  'extension/package.json',
  'extension/out/extension.js',
  'extension/node_modules/vscode-languageclient/package.json',
];

const file = process.argv[2];
if (!file) {
  console.error('usage: node scripts/check-vsix.js FILE.vsix');
  process.exit(2);
}
yauzl.open(file, { lazyEntries: true }, (err, zip) => {
  if (err) {
    console.error(`${file}: ${err.message}`);
    process.exit(1);
  }
  const names = new Set();
  zip.on('entry', (entry) => {
    names.add(entry.fileName);
    zip.readEntry();
  });
  zip.on('end', () => {
    const missing = want.filter((name) => !names.has(name));
    if (missing.length > 0) {
      console.error(`${file} lacks ${missing.join(', ')}; it holds: ${[...names].sort().join(' ')}`);
      process.exit(1);
    }
    console.log(`${file}: ${names.size} entries, among them ${want.join(', ')}`);
  });
  zip.readEntry();
});
