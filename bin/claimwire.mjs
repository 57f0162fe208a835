#!/usr/bin/env node
// Entry point: registers tsx so the TypeScript sources run without a build step.
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';

// The SDK warns on every start that its 2027 releases will need Node 22; claimwire pins its SDK version.
process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= 'true';
const args = process.argv.slice(2);
const command = args.find((a) => !a.startsWith('-'));
const needsStores = command && !['parse', 'help'].includes(command) && !args.includes('--help') && !args.includes('-h');
const hasLegacy = process.execArgv.includes('--openssl-legacy-provider') || (process.env.NODE_OPTIONS ?? '').includes('--openssl-legacy-provider');

if (needsStores && !hasLegacy) {
  // The embedded S3 server (s3rver) encrypts list continuation tokens with DES,
  // which Node's OpenSSL 3 only offers through the legacy provider.
  const child = spawn(process.execPath, ['--openssl-legacy-provider', ...process.execArgv, fileURLToPath(import.meta.url), ...args], { stdio: 'inherit' });
  for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => child.kill(signal));
  child.on('exit', (code, signal) => (signal ? process.kill(process.pid, signal) : process.exit(code ?? 1)));
} else {
  const { register } = await import('tsx/esm/api');
  register();
  const { main } = await import('../cli/main.ts');
  process.exitCode = await main(args);
}
