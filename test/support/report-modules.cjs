// Preloaded with NODE_OPTIONS=--require: on exit, writes the files this process
// loaded to the file named by REPORT_MODULES_TO (one path per line), then the
// built-in modules it loaded, each as `node:<name>`.
const { writeFileSync } = require('node:fs');

process.on('exit', () => {
  const builtins = process.moduleLoadList
    .filter((entry) => entry.startsWith('NativeModule '))
    .map((entry) => `node:${entry.slice('NativeModule '.length)}`);
  writeFileSync(process.env.REPORT_MODULES_TO, [...Object.keys(require.cache), ...builtins].join('\n'));
});
