// A client for the chat protocol written from docs/protocol.md, in another language than the product:
// it signs up two users, opens their direct room, talks live, pages history and is refused what it may not do.
// Usage: node interop.mjs ws://127.0.0.1:PORT
import assert from 'node:assert/strict';
import { createHash, randomBytes } from 'node:crypto';
import WebSocket from 'ws';

const url = process.argv[2];
const stamp = Date.now().toString(36);

class Client {
  constructor() { this.nextId = 1; this.pending = new Map(); this.notes = []; this.waiters = []; this.chunks = []; }
  open() {
    return new Promise((resolve, reject) => {
      this.ws = new WebSocket(url);
      this.ws.on('error', reject);
      this.ws.on('message', (data, isBinary) => {
        if (isBinary) { this.chunks.push(data); this.waiters = this.waiters.filter((w) => !w()); return; }
        const msg = JSON.parse(data.toString());
        if (msg.method) {
          if (msg.method === 'server.hello') { this.hello = msg.params; resolve(this); return; }
          this.notes.push(msg);
          this.waiters = this.waiters.filter((w) => !w());
        } else if (msg.id !== null && this.pending.has(msg.id)) {
          this.pending.get(msg.id)(msg); this.pending.delete(msg.id);
        } else {
          this.notes.push({ method: '(null-id error)', params: msg.error });
          this.waiters = this.waiters.filter((w) => !w());
        }
      });
    });
  }
  raw(text) { this.ws.send(text); }
  call(method, params = {}) {
    const id = this.nextId++;
    this.ws.send(JSON.stringify({ jsonrpc: '2.0', id, method, params }));
    return withTimeout(new Promise((resolve) => this.pending.set(id, resolve)), `${method} answer`);
  }
  async ok(method, params) {
    const reply = await this.call(method, params);
    assert.ok(reply.result, `${method} failed: ${JSON.stringify(reply.error)}`);
    return reply.result;
  }
  async reason(method, params) {
    const reply = await this.call(method, params);
    assert.ok(reply.error, `${method} should have failed`);
    return reply.error.data.reason;
  }
  next(method, predicate = () => true) {
    return withTimeout(new Promise((resolve) => {
      const take = () => {
        const i = this.notes.findIndex((n) => n.method === method && predicate(n.params));
        if (i < 0) return false;
        resolve(this.notes.splice(i, 1)[0].params);
        return true;
      };
      if (!take()) this.waiters.push(take);
    }), `notification ${method}`);
  }
  close() { this.ws.close(); }
  // protocol.md "Files": a chunk frame is kind, 16 id bytes, a big-endian 64-bit offset, then the data.
  static chunk(kind, id, offset, data) {
    const header = Buffer.alloc(25);
    header[0] = kind;
    Buffer.from(id, 'hex').copy(header, 1);
    header.writeBigUInt64BE(BigInt(offset), 17);
    return Buffer.concat([header, data]);
  }
  async upload(roomId, name, content) {
    const sha256 = createHash('sha256').update(content).digest('hex');
    const { upload_id, offset, chunk_bytes, window_bytes } = await this.ok('files.upload', { room_id: roomId, name, size: content.length, sha256 });
    let sent = offset, acked = offset;
    while (acked < content.length) {
      while (sent < content.length && sent - acked < window_bytes) {
        const end = Math.min(sent + chunk_bytes, content.length);
        this.ws.send(Client.chunk(1, upload_id, sent, content.subarray(sent, end)));
        sent = end;
      }
      acked = (await this.next('file.progress', (p) => p.upload_id === upload_id)).received;
    }
    return (await this.ok('files.finish', { upload_id })).file;
  }
  async download(fileId) {
    const { file, download_id, offset } = await this.ok('files.download', { file_id: fileId });
    const parts = [];
    let at = offset;
    while (at < file.size) {
      const frame = await withTimeout(new Promise((resolve) => {
        const take = () => { if (!this.chunks.length) return false; resolve(this.chunks.shift()); return true; };
        if (!take()) this.waiters.push(take);
      }), 'a download chunk');
      assert.equal(frame[0], 2);
      assert.equal(frame.subarray(1, 17).toString('hex'), download_id);
      assert.equal(Number(frame.readBigUInt64BE(17)), at);
      parts.push(frame.subarray(25));
      at += frame.length - 25;
    }
    return Buffer.concat(parts);
  }
}

function withTimeout(promise, what, ms = 10000) {
  let timer;
  return Promise.race([promise, new Promise((_, reject) => { timer = setTimeout(() => reject(new Error(`timed out waiting for ${what}`)), ms); })])
    .finally(() => clearTimeout(timer));
}

let passed = 0;
let failed = 0;
async function check(name, body) {
  try { await body(); passed++; console.log(`ok   ${name}`); }
  catch (error) { failed++; console.log(`FAIL ${name}: ${error.message}`); }
}

const alice = await new Client().open();
const bob = await new Client().open();
const eve = await new Client().open();
let aliceUser, bobUser, room;

await check('hello announces protocol 1 and the limits', async () => {
  assert.equal(alice.hello.protocol, 1);
  assert.equal(typeof alice.hello.limits.max_body_chars, 'number');
});
await check('only auth.* before sign-in', async () => {
  assert.equal(await alice.reason('users.list'), 'unauthenticated');
});
await check('signup of two users', async () => {
  aliceUser = (await alice.ok('auth.signup', { username: `alice_${stamp}`, password: 'correct horse' })).user;
  bobUser = (await bob.ok('auth.signup', { username: `bob_${stamp}`, password: 'correct horse' })).user;
  await eve.ok('auth.signup', { username: `eve_${stamp}`, password: 'correct horse' });
  assert.ok(aliceUser.id > 0 && bobUser.id > 0);
});
await check('wrong password is bad_credentials', async () => {
  const stranger = await new Client().open();
  assert.equal(await stranger.reason('auth.login', { username: `alice_${stamp}`, password: 'not it at all' }), 'bad_credentials');
  stranger.close();
});
await check('users.list has both', async () => {
  const { users } = await alice.ok('users.list');
  assert.ok(users.some((u) => u.id === bobUser.id && u.online === true));
});
await check('the direct room is the same from both sides', async () => {
  room = (await alice.ok('rooms.direct', { user_id: bobUser.id })).room;
  const fromBob = (await bob.ok('rooms.direct', { user_id: aliceUser.id })).room;
  assert.equal(fromBob.id, room.id);
  assert.equal(room.kind, 'direct');
});
await check('messages arrive live on the other side', async () => {
  const sent = (await alice.ok('messages.send', { room_id: room.id, body: 'hi bob', client_id: 'i-1' })).message;
  const got = await bob.next('message.new', (p) => p.message.client_id === 'i-1');
  assert.deepEqual(got.message, sent);
  assert.equal(sent.seq, 1);
});
await check('a resend with the same client_id stores nothing new', async () => {
  const again = (await alice.ok('messages.send', { room_id: room.id, body: 'hi bob', client_id: 'i-1' })).message;
  assert.equal(again.seq, 1);
  const { messages } = await bob.ok('messages.history', { room_id: room.id });
  assert.equal(messages.length, 1);
});
await check('history reads back page by page', async () => {
  for (let i = 2; i <= 25; i++) await alice.ok('messages.send', { room_id: room.id, body: `m${i}`, client_id: `i-${i}` });
  let page = await bob.ok('messages.history', { room_id: room.id, limit: 10 });
  const seen = page.messages.map((m) => m.seq);
  while (page.has_more) {
    page = await bob.ok('messages.history', { room_id: room.id, before: seen[0], limit: 10 });
    seen.unshift(...page.messages.map((m) => m.seq));
  }
  assert.deepEqual(seen, Array.from({ length: 25 }, (_, i) => i + 1));
});
await check('after= fills a gap', async () => {
  const page = await bob.ok('messages.history', { room_id: room.id, after: 20, limit: 3 });
  assert.deepEqual(page.messages.map((m) => m.seq), [21, 22, 23]);
  assert.equal(page.has_more, true);
});
await check('unread counts and read markers', async () => {
  const unread = () => bob.ok('rooms.list').then(({ rooms }) => rooms.find((r) => r.id === room.id).unread);
  assert.equal(await unread(), 25);
  await bob.ok('rooms.read', { room_id: room.id, seq: 25 });
  assert.equal(await unread(), 0);
});
await check('an outsider is refused everything about the room', async () => {
  assert.equal(await eve.reason('messages.history', { room_id: room.id }), 'forbidden');
  assert.equal(await eve.reason('messages.send', { room_id: room.id, body: 'let me in', client_id: 'e-1' }), 'forbidden');
  assert.equal(await eve.reason('rooms.join', { room_id: room.id }), 'not_found');
});
await check('search finds a fragment in any script, with UTF-16 highlights', async () => {
  await alice.ok('messages.send', { room_id: room.id, body: '🚀 Déployé à Pékin: 我在北京', client_id: 'i-search' });
  const { results, has_more } = await bob.ok('messages.search', { query: 'deploye' });
  assert.equal(has_more, false);
  assert.equal(results.length, 1);
  const { message, highlights } = results[0];
  assert.deepEqual(highlights, [[3, 7]]);
  assert.equal(message.body.slice(3, 10), 'Déployé');
  const cjk = await bob.ok('messages.search', { query: '北京', room_id: room.id });
  assert.equal(cjk.results[0].message.body.slice(...((r) => [r[0], r[0] + r[1]])(cjk.results[0].highlights[0])), '北京');
  assert.equal(await bob.reason('messages.search', { query: 'ab' }), 'query_too_short');
  assert.equal((await eve.ok('messages.search', { query: 'deploye' })).results.length, 0);
});
await check('search pages with next_cursor, newest first', async () => {
  for (let i = 1; i <= 10; i++) await alice.ok('messages.send', { room_id: room.id, body: `paging ${i}`, client_id: `p-${i}` });
  const seen = [];
  let page = await bob.ok('messages.search', { query: 'paging', limit: 4 });
  seen.push(...page.results.map((r) => r.message.body));
  while (page.has_more) {
    page = await bob.ok('messages.search', { query: 'paging', limit: 4, cursor: page.next_cursor });
    seen.push(...page.results.map((r) => r.message.body));
  }
  assert.deepEqual(seen, Array.from({ length: 10 }, (_, i) => `paging ${10 - i}`));
});
await check('a file goes up and down in binary chunk frames, intact, to members only', async () => {
  const content = randomBytes(700 * 1024 + 3);
  const file = await alice.upload(room.id, '../report.bin', content);
  assert.equal(file.name, 'report.bin');
  assert.equal(file.size, content.length);
  const sent = await alice.ok('messages.send', { room_id: room.id, body: '', client_id: 'i-file', attachments: [file.id] });
  assert.equal(sent.message.attachments[0].id, file.id);
  const arrived = await bob.next('message.new', (p) => p.message.client_id === 'i-file');
  assert.equal(arrived.message.attachments[0].sha256, createHash('sha256').update(content).digest('hex'));
  const received = await bob.download(file.id);
  assert.ok(received.equals(content));
  assert.equal(await eve.reason('files.download', { file_id: file.id }), 'not_found');
  assert.equal(eve.chunks.length, 0);
});
await check('bad requests get JSON-RPC errors', async () => {
  const unknown = await alice.call('rooms.explode');
  assert.equal(unknown.error.code, -32601);
  assert.equal(await alice.reason('messages.history', { room_id: 'one' }), 'invalid_params');
  alice.raw('{not json');
  const parseError = await alice.next('(null-id error)');
  assert.equal(parseError.code, -32700);
});

for (const client of [alice, bob, eve]) client.close();
console.log(`${passed} passed, ${failed} failed`);
process.exit(failed === 0 ? 0 : 1);
