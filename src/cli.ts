// The `ganbu` command: serve, migrate, demo. DATABASE_URL chooses the database as for the server.
import path from 'node:path';
import { parseArgs } from 'node:util';
import { databaseTarget, loadEnv } from './config.js';
import { openDatabase } from './db/database.js';
import { migrateToLatest } from './db/migrate.js';
import { buildApp } from './server/app.js';
import { ensureBuiltInRoles } from './features/accounts/accounts.bootstrap.js';
import { clearForDemo, createDemo, isEmpty } from './features/demo/demo.service.js';
import { demoAccountsJson, DEMO_PASSWORD, DEMO_ACCOUNTS } from './features/demo/demo.accounts.js';
import { insertAudit } from './features/audit/audit.repository.js';
import { buildAuditRow } from './features/audit/audit.events.js';
import { exportCommand, importCommand } from './features/transfer/transfer.cli.js';
import { exportDocxCommand } from './features/documents/documents.cli.js';

const HELP = `用法: ganbu <命令> [选项]

命令:
  serve [--demo-if-empty] [--demo-scale X]
                            迁移数据库并启动服务（PORT，默认 3000）；库为空时可填入演示城市
  migrate                   把数据库迁移到最新结构
  demo [--accounts] [--seed N] [--scale X]
                            重建演示城市（会清除现有干部、单位和账号数据）；
                            --accounts 只打印演示账号 JSON
  import <文件|目录|zip>… [--update] [--authority ID] [--unit ID]
                            导入任免审批表（.lrmx、.lrm + .pic、.zip）；每个文件一行结果；
                            已有干部有差异时需加 --update 才覆盖；新干部归入 --authority
                            （默认最上级组织部）和 --unit；全部导入成功时退出码为 0
  export lrmx <身份证号>… [-o 文件|目录]
                            导出任免审批表 .lrmx；-o 以 .zip 结尾时打包为一个 zip
  export docx <身份证号>… [-o 目录]
                            导出干部任免审批表 Word 文档（A4 两页），每人一个 .docx

环境变量: DATABASE_URL=postgres://… 或 file:路径（默认 ./data/ganbu.db），PORT，HOST`;

async function main(argv: string[]) {
  const [command, ...rest] = argv;
  const env = loadEnv();
  if (!command || command === 'help' || command === '--help') {
    console.log(HELP);
    return 0;
  }
  if (command === 'demo' && rest.includes('--accounts')) {
    console.log(JSON.stringify(demoAccountsJson(), null, 2));
    return 0;
  }
  const target = databaseTarget(env.DATABASE_URL);
  const opened = openDatabase(target);
  try {
    switch (command) {
      case 'migrate': {
        const done = await migrateToLatest(opened.db);
        await ensureBuiltInRoles(opened.db);
        console.log(done.length ? `已执行迁移：${done.join(', ')}` : '数据库已是最新结构');
        return 0;
      }
      case 'demo': {
        const { values } = parseArgs({ args: rest, options: { seed: { type: 'string' }, scale: { type: 'string' } } });
        await migrateToLatest(opened.db);
        await clearForDemo(opened.db);
        const started = Date.now();
        const r = await createDemo(opened.db, { seed: Number(values.seed ?? 1), scale: Number(values.scale ?? 1) });
        await insertAudit(
          opened.db,
          buildAuditRow({ event: 'demo.reset', actor: { userId: null, username: 'ganbu-cli', ip: 'local' }, at: new Date(), detail: r }),
        );
        console.log(`演示城市已重建：${r.units} 个单位，${r.cadres} 名干部（${((Date.now() - started) / 1000).toFixed(1)} 秒）`);
        return 0;
      }
      case 'serve': {
        const { values } = parseArgs({ args: rest, options: { 'demo-if-empty': { type: 'boolean' }, 'demo-scale': { type: 'string' } } });
        await migrateToLatest(opened.db);
        await ensureBuiltInRoles(opened.db);
        if (values['demo-if-empty'] && (await isEmpty(opened.db))) {
          console.log('数据库为空，正在生成演示城市（青川市，虚构数据）…');
          const r = await createDemo(opened.db, { seed: 1, scale: Number(values['demo-scale'] ?? 1) });
          console.log(`演示城市已生成：${r.units} 个单位，${r.cadres} 名干部`);
        }
        const webRoot = path.resolve('dist', 'web');
        const app = await buildApp(
          { db: opened.db, dialect: opened.dialect, now: () => new Date(), cookieSecure: env.COOKIE_SECURE === '1', webRoot },
          { logger: { level: env.LOG_LEVEL } },
        );
        await app.listen({ port: env.PORT, host: env.HOST });
        const shown = env.HOST === '0.0.0.0' ? '127.0.0.1' : env.HOST;
        console.log(`\nGanbu 已启动：http://${shown}:${env.PORT}  （数据库：${opened.dialect}）`);
        console.log('演示账号（仅用于演示数据）：');
        for (const a of DEMO_ACCOUNTS) console.log(`  ${a.username.padEnd(10)} ${DEMO_PASSWORD}  ${a.role}`);
        const stop = async () => {
          await app.close();
          await opened.close();
          process.exit(0);
        };
        process.on('SIGINT', stop);
        process.on('SIGTERM', stop);
        return null; // keep running
      }
      case 'import':
        await migrateToLatest(opened.db);
        return await importCommand(opened.db, rest);
      case 'export':
        await migrateToLatest(opened.db);
        if (rest[0] === 'docx') return await exportDocxCommand(opened.db, rest.slice(1));
        return await exportCommand(opened.db, rest);
      default:
        console.error(`未知命令：${command}\n\n${HELP}`);
        return 2;
    }
  } finally {
    if (command !== 'serve') await opened.close();
  }
}

// exitCode, not exit(): output still queued for a pipe (`ganbu import … | tee log`) would be lost.
main(process.argv.slice(2)).then(
  (code) => {
    if (code !== null) process.exitCode = code;
  },
  (err: unknown) => {
    console.error(`错误：${err instanceof Error ? err.message : String(err)}`);
    process.exitCode = 1;
  },
);
