// Preloaded with NODE_OPTIONS=--require: on exit, writes the files this process
// loaded to the file named by REPORT_MODULES_TO (one path per line).
const { writeFileSync } = require('node:fs');

process.on('exit', () => {
  writeFileSync(process.env.REPORT_MODULES_TO, Object.keys(require.cache).join('\n'));
});
