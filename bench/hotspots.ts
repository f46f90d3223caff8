// Reads a V8 .cpuprofile (node --cpu-prof) and lists the functions with the most self time, so a
// missed budget can be reported with where the time goes:
//   node --import tsx bench/hotspots.ts FILE.cpuprofile [--top 15]
import * as fs from 'node:fs';
import * as path from 'node:path';

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  hitCount?: number;
}

interface CpuProfile {
  nodes: ProfileNode[];
  startTime: number;
  endTime: number;
  samples: number[];
  timeDeltas: number[];
}

export interface Hotspot {
  function: string;
  where: string;
  self_ms: number;
  self_percent: number;
}

export function hotspots(profile: CpuProfile, top = 15): Hotspot[] {
  const byNode = new Map(profile.nodes.map((n) => [n.id, n]));
  const selfUs = new Map<string, number>();
  let total = 0;
  profile.samples.forEach((id, i) => {
    const node = byNode.get(id);
    const dt = profile.timeDeltas[i] ?? 0;
    if (!node) return;
    total += dt;
    const f = node.callFrame;
    const key = `${f.functionName || '(anonymous)'}\t${f.url ? `${path.basename(f.url)}:${f.lineNumber + 1}` : ''}`;
    selfUs.set(key, (selfUs.get(key) ?? 0) + dt);
  });
  return [...selfUs.entries()]
    .sort((a, b) => b[1] - a[1])
    .slice(0, top)
    .map(([key, us]) => {
      const [fn, where] = key.split('\t');
      return { function: fn!, where: where!, self_ms: Math.round(us / 100) / 10, self_percent: Math.round((1000 * us) / total) / 10 };
    });
}

if (require.main === module) {
  const [file, flag, n] = process.argv.slice(2);
  if (!file) {
    process.stderr.write('usage: node --import tsx bench/hotspots.ts FILE.cpuprofile [--top N]\n');
    process.exit(2);
  }
  const profile = JSON.parse(fs.readFileSync(file, 'utf8')) as CpuProfile;
  for (const h of hotspots(profile, flag === '--top' ? Number(n) : 15)) process.stdout.write(JSON.stringify(h) + '\n');
}
