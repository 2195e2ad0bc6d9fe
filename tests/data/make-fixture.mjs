// Writes a database with the current release's server: three users, a group room, a direct room, ~40
// messages of varied text. Usage: node make-fixture.mjs ws://127.0.0.1:PORT
import WebSocket from 'ws';
const url = process.argv[2];
function client() {
  return new Promise((resolve, reject) => {
    const ws = new WebSocket(url); let next = 1; const pending = new Map();
    ws.on('error', reject);
    ws.on('message', (d) => { const m = JSON.parse(d.toString());
      if (m.method === 'server.hello') resolve({ call(method, params) { const id = next++;
        ws.send(JSON.stringify({ jsonrpc: '2.0', id, method, params }));
        return new Promise((r, j) => pending.set(id, (x) => x.error ? j(new Error(JSON.stringify(x.error))) : r(x.result))); }, ws });
      else if (m.id && pending.has(m.id)) { pending.get(m.id)(m); pending.delete(m.id); } });
  });
}
const people = {};
for (const name of ['alice', 'bob', 'carol']) {
  const c = await client(); const r = await c.call('auth.signup', { username: name, password: 'correct horse ' + name });
  people[name] = { c, id: r.user.id };
}
const rooms = await people.alice.c.call('rooms.list', {});
const general = rooms.rooms.find((r) => r.name === 'general').id;
const project = (await people.alice.c.call('rooms.create', { name: 'Projekt ✏️' })).room.id;
await people.bob.c.call('rooms.join', { room_id: project });
const dm = (await people.alice.c.call('rooms.direct', { user_id: people.bob.id })).room.id;
const texts = ['hello everyone 👋', 'Grüße aus Köln', '你好，世界', 'こんにちは', '안녕하세요', 'שלום עולם', 'مرحبا',
  '\ufeffleading BOM stays', 'line one\nline two', 'emoji 👩‍💻🇩🇪1️⃣', '@bob can you look?', 'a'.repeat(3990),
  'quotes "double" \'single\' \\ back', '   spaces around   ', 'tab\there'];
let n = 0;
for (let i = 0; i < 40; i++) {
  const who = ['alice', 'bob', 'carol'][i % 3];
  const room = i % 4 === 3 && who !== 'carol' ? dm : (i % 5 === 4 && who !== 'carol' ? project : general);
  await people[who].c.call('messages.send', { room_id: room, body: `${texts[i % texts.length]} #${i}`, client_id: `fixture-${i}` });
  n++;
}
await people.bob.c.call('rooms.read', { room_id: general, seq: 10 });
console.log(`stored ${n} messages`);
for (const p of Object.values(people)) p.c.ws.close();
