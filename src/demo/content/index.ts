import type { DemoPortal } from '../types.ts';
import { chinhphu } from './chinhphu.ts';
import { boTaiChinh } from './bo-tai-chinh.ts';
import { boYTe } from './bo-y-te.ts';
import { hanoi } from './hanoi.ts';
import { danang } from './danang.ts';

// The demo network: the Government Portal, two ministries and two cities.
export const demoNetwork: DemoPortal[] = [chinhphu, boTaiChinh, boYTe, hanoi, danang];
