import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { loadConfig, loadSettings } from '../src/config.ts';

// Configuration is read by one loader, src/config.ts: the modules are handed
// typed settings, so a test or a second deployment in one process passes its
// own environment instead of changing this process's.

const SRC = path.join(import.meta.dirname, '..', 'src');

function sourceFiles(dir: string): string[] {
  return fs
    .readdirSync(dir, { withFileTypes: true, recursive: true })
    .filter((e) => e.isFile() && e.name.endsWith('.ts'))
    .map((e) => path.relative(SRC, path.join(e.parentPath, e.name)).split(path.sep).join('/'));
}

describe('configuration read in one place', () => {
  it('no source outside src/config.ts reads process.env', () => {
    const offenders: string[] = [];
    for (const rel of sourceFiles(SRC)) {
      if (rel === 'config.ts') continue;
      fs.readFileSync(path.join(SRC, rel), 'utf8')
        .split('\n')
        .forEach((line, i) => {
          if (/process\s*\.\s*env\b|process\s*\[\s*['"]env['"]\s*\]/.test(line)) offenders.push(`src/${rel}:${i + 1}: ${line.trim()}`);
        });
    }
    assert.deepEqual(offenders, [], 'read settings in src/config.ts (loadConfig, loadSettings) and hand them to the module');
  });

  it('the settings come from the environment given, not from this process', () => {
    const saved = process.env.FEEDBACK_IP_LIMIT;
    process.env.FEEDBACK_IP_LIMIT = '7';
    try {
      const given = loadSettings({ FEEDBACK_IP_LIMIT: '5', LANTOA_SOCIAL_TIMEOUT_MS: '250', SMTP_URL: 'smtp://127.0.0.1:2525', OIDC_ISSUER: 'http://127.0.0.1:9/', OIDC_CLIENT_ID: 'lantoa' });
      assert.equal(given.feedback.perAddressLimit, 5);
      assert.equal(given.social.timeoutMs, 250);
      assert.equal(given.mail.smtpUrl, 'smtp://127.0.0.1:2525');
      assert.equal(given.admin.oidc?.clientId, 'lantoa');
      const empty = loadSettings({});
      assert.equal(empty.feedback.perAddressLimit, 30, 'the default, whatever this process says');
      assert.equal(empty.social.timeoutMs, 15_000);
      assert.equal(empty.mail.smtpUrl, undefined);
      assert.equal(empty.admin.oidc, undefined);
      assert.equal(loadConfig({ LANTOA_SECRET: 'x'.repeat(16) }).secret, 'x'.repeat(16));
      assert.equal(loadConfig({}).secret, undefined);
    } finally {
      if (saved === undefined) delete process.env.FEEDBACK_IP_LIMIT;
      else process.env.FEEDBACK_IP_LIMIT = saved;
    }
  });

  it('a malformed setting a module cannot do without is an error when the settings are read', () => {
    assert.throws(() => loadSettings({ MEDIA_STORAGE: 'ftp' }), /"local" or "s3"/);
    assert.throws(() => loadSettings({ OIDC_ISSUER: 'not a url', OIDC_CLIENT_ID: 'x' }), /OIDC_ISSUER/);
  });
});
