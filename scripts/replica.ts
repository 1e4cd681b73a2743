// npm run replica [-- --port N]: serves the replica portal (default port 8321) and prints its pages.
import { replicaPages, startReplica } from '../replica/server';

const portArg = process.argv.indexOf('--port');
const port = portArg >= 0 ? Number(process.argv[portArg + 1]) : 8321;
if (!Number.isInteger(port) || port < 0 || port > 65535) {
  console.error(`端口号不正确 / Invalid port: ${process.argv[portArg + 1]}`);
  process.exit(2);
}

const replica = await startReplica({ port });
console.log(`门户仿真环境已启动 / Replica portal running at ${replica.url}/`);
for (const p of replicaPages) console.log(`  ${replica.url}${p.path}\n      ${p.title}：${p.note}`);
console.log('Ctrl+C 退出 / to stop');
const stop = () => void replica.close().then(() => process.exit(0));
process.once('SIGINT', stop);
process.once('SIGTERM', stop);
