import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { sanitizeBody } from '../src/modules/content/sanitize.ts';
import { embedFor } from '../src/modules/content/embeds.ts';

// Embedded videos in rich text: the one kind of active content a body may
// hold. An <iframe> only of YouTube's no-cookie player or Vimeo's, rewritten
// to its canonical address with fixed, minimal attributes; a <video> only of
// the portal's own media files; everything else removed whole.

const FIXED =
  'allow="accelerometer; encrypted-media; gyroscope; picture-in-picture; fullscreen" allowfullscreen loading="lazy" referrerpolicy="strict-origin-when-cross-origin" sandbox="allow-scripts allow-same-origin allow-presentation allow-popups"';
const YT = 'https://www.youtube-nocookie.com/embed/dQw4w9WgXcQ';

describe('video embeds: recognising addresses', () => {
  test('YouTube in all its spellings becomes the no-cookie player', () => {
    for (const url of [
      'https://www.youtube.com/watch?v=dQw4w9WgXcQ',
      'https://youtube.com/watch?v=dQw4w9WgXcQ&list=PL1',
      'https://m.youtube.com/watch?v=dQw4w9WgXcQ',
      'https://youtu.be/dQw4w9WgXcQ',
      'https://www.youtube.com/embed/dQw4w9WgXcQ',
      'https://www.youtube.com/shorts/dQw4w9WgXcQ',
      'http://www.youtube-nocookie.com/embed/dQw4w9WgXcQ',
      '  https://www.youtube.com/watch?v=dQw4w9WgXcQ  ',
    ])
      assert.deepEqual(embedFor(url), { kind: 'iframe', src: YT }, url);
    assert.deepEqual(embedFor('https://youtu.be/dQw4w9WgXcQ?t=90s'), { kind: 'iframe', src: `${YT}?start=90` });
  });

  test('Vimeo and the portal\u2019s own video files', () => {
    assert.deepEqual(embedFor('https://vimeo.com/76979871'), { kind: 'iframe', src: 'https://player.vimeo.com/video/76979871' });
    assert.deepEqual(embedFor('https://player.vimeo.com/video/76979871?autoplay=1'), { kind: 'iframe', src: 'https://player.vimeo.com/video/76979871' });
    assert.deepEqual(embedFor('/media/ab/cdef0123.mp4'), { kind: 'video', src: '/media/ab/cdef0123.mp4' });
    assert.deepEqual(embedFor('/media/clip.webm'), { kind: 'video', src: '/media/clip.webm' });
  });

  test('anything else is refused', () => {
    for (const url of [
      'https://evil.example/embed/dQw4w9WgXcQ',
      'https://www.youtube-nocookie.com.evil.example/embed/dQw4w9WgXcQ',
      'https://evil.example/?u=https://www.youtube.com/watch?v=dQw4w9WgXcQ',
      'https://user:pw@www.youtube.com/watch?v=dQw4w9WgXcQ',
      'https://www.youtube.com:8443/watch?v=dQw4w9WgXcQ',
      'https://www.youtube.com/watch?v=short',
      'https://www.youtube.com/watch?v=dQw4w9WgXcQ"onload="x',
      'https://www.youtube.com/channel/UC123',
      'https://vimeo.com/channels/staffpicks',
      'javascript:alert(1)',
      'data:text/html,<script>alert(1)</script>',
      '//www.youtube-nocookie.com/embed/dQw4w9WgXcQ',
      '/media/../secret.key',
      '/media/a.mp4.html',
      '/media/x.mov',
      '/admin/media/a.mp4',
      'https://other-portal.gov.vn/media/a.mp4',
      '',
    ])
      assert.equal(embedFor(url), undefined, url);
  });
});

describe('sanitizer: iframes and videos', () => {
  test('an allowed player keeps only its canonical address, size and title, with the fixed safe attributes', () => {
    const out = sanitizeBody(
      `<p>Xem:</p><iframe src="https://www.youtube.com/watch?v=dQw4w9WgXcQ" width="560" height="315" title="Họp báo" onload="alert(1)" srcdoc="<script>alert(1)</script>" style="position:fixed" allow="camera; microphone; geolocation" name="x" sandbox="allow-top-navigation allow-forms"></iframe>`,
    );
    assert.equal(out, `<p>Xem:</p><iframe src="${YT}" ${FIXED} width="560" height="315" title="Họp báo"></iframe>`);
  });

  test('Vimeo passes; other hosts, scripts, data: and protocol-relative frames are removed whole', () => {
    assert.equal(sanitizeBody('<iframe src="https://player.vimeo.com/video/123"></iframe>'), `<iframe src="https://player.vimeo.com/video/123" ${FIXED}></iframe>`);
    for (const bad of [
      '<iframe src="https://evil.example/embed/dQw4w9WgXcQ"></iframe>',
      '<iframe src="javascript:alert(1)"></iframe>',
      '<iframe src="data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg=="></iframe>',
      '<iframe src="//www.youtube-nocookie.com/embed/dQw4w9WgXcQ"></iframe>',
      '<iframe srcdoc="<script>alert(1)</script>"></iframe>',
      '<iframe src="https://www.youtube-nocookie.com.evil.example/embed/dQw4w9WgXcQ"></iframe>',
      '<iframe src="/admin/settings"></iframe>',
      '<iframe>fallback text</iframe>',
      '<frame src="https://www.youtube-nocookie.com/embed/dQw4w9WgXcQ">',
      '<object data="https://www.youtube.com/v/dQw4w9WgXcQ"></object>',
      '<embed src="https://www.youtube.com/v/dQw4w9WgXcQ">',
    ])
      assert.equal(sanitizeBody(`<p>a</p>${bad}<p>b</p>`), '<p>a</p><p>b</p>', bad);
  });

  test('what sits inside a player\u2019s tags is dropped; the markup around it stays', () => {
    const out = sanitizeBody(`<figure><iframe src="${YT}"><p>ẩn</p><img src="x" onerror="alert(1)"></iframe><figcaption>Chú thích</figcaption></figure>`);
    assert.equal(out, `<figure><iframe src="${YT}" ${FIXED}></iframe><figcaption>Chú thích</figcaption></figure>`);
  });

  test('a <video> plays only the portal\u2019s own files, with controls and nothing that starts by itself', () => {
    assert.equal(
      sanitizeBody('<video src="/media/ab/clip.mp4" autoplay muted loop onplay="alert(1)" poster="https://tracker.example/p.gif" width="640"></video>'),
      '<video src="/media/ab/clip.mp4" controls preload="metadata" width="640"></video>',
    );
    for (const bad of ['<video src="https://evil.example/a.mp4"></video>', '<video src="/media/../x.mp4"></video>', '<video><source src="/media/a.mp4"></video>', '<video src="javascript:alert(1)"></video>']) {
      assert.equal(sanitizeBody(`<p>a</p>${bad}`), '<p>a</p>', bad);
    }
  });

  test('sanitizing is stable: a sanitized body comes out of a second pass unchanged', () => {
    const once = sanitizeBody(`<p>x</p><iframe src="https://youtu.be/dQw4w9WgXcQ" width="560" height="315"></iframe><video src="/media/a.mp4"></video>`);
    assert.equal(sanitizeBody(once), once);
  });
});
