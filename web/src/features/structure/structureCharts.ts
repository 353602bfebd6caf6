// ECharts options of the structure page; every bar and slice is a figure with the names behind it.
import type { EChartsCoreOption } from 'echarts/core';
import type { StructureStats } from '../../api/stats';

export const MEN = '#1f5fbf';
export const WOMEN = '#e05a76';

/** Men to the left (drawn as negative values), women to the right; the youngest band at the bottom. */
export function pyramidOption(p: StructureStats['agePyramid']): EChartsCoreOption {
  const abs = (v: unknown) => String(Math.abs(Number(v)));
  // A symmetric axis with room beyond the longest bar, so the men's count drawn left of its bar stays
  // inside the chart instead of running into the age labels.
  const longest = Math.max(1, ...p.map((b) => Math.max(b.men.count, b.women.count)));
  const reach = Math.ceil(longest * 1.25);
  return {
    color: [MEN, WOMEN],
    tooltip: {
      trigger: 'axis',
      axisPointer: { type: 'shadow' },
      valueFormatter: (v: unknown) => `${abs(v)} 人`,
    },
    legend: { bottom: 0, data: ['男', '女'], icon: 'circle', itemWidth: 10, itemHeight: 10 },
    grid: { left: 8, right: 24, top: 16, bottom: 32, containLabel: true },
    xAxis: {
      type: 'value',
      min: -reach,
      max: reach,
      minInterval: 1,
      axisLabel: { formatter: abs },
      splitLine: { lineStyle: { color: '#eef0f3' } },
    },
    yAxis: { type: 'category', data: p.map((b) => b.label), axisTick: { show: false } },
    series: [
      {
        name: '男',
        type: 'bar',
        stack: 'age',
        barMaxWidth: 22,
        data: p.map((b) => -b.men.count),
        label: { show: true, position: 'left', formatter: (x: { value: number }) => (x.value ? abs(x.value) : ''), color: '#374151' },
      },
      {
        name: '女',
        type: 'bar',
        stack: 'age',
        barMaxWidth: 22,
        data: p.map((b) => b.women.count),
        label: { show: true, position: 'right', formatter: (x: { value: number }) => (x.value ? String(x.value) : ''), color: '#374151' },
      },
    ],
  };
}

/** Posts by level: the filled part and the vacant part of the quota, stacked. */
export function vacancyOption(v: StructureStats['vacancies']): EChartsCoreOption {
  return {
    color: ['#94a3b8', '#cf1322'],
    tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' }, valueFormatter: (x: unknown) => `${String(x)} 名` },
    legend: { bottom: 0, data: ['已配', '空缺'], icon: 'circle', itemWidth: 10, itemHeight: 10 },
    grid: { left: 8, right: 32, top: 16, bottom: 32, containLabel: true },
    xAxis: { type: 'value', minInterval: 1, splitLine: { lineStyle: { color: '#eef0f3' } } },
    yAxis: { type: 'category', data: v.map((l) => l.label), inverse: true, axisTick: { show: false } },
    series: [
      { name: '已配', type: 'bar', stack: 'posts', barMaxWidth: 18, data: v.map((l) => l.quota - l.vacant) },
      {
        name: '空缺',
        type: 'bar',
        stack: 'posts',
        barMaxWidth: 18,
        data: v.map((l) => l.vacant),
        label: { show: true, position: 'right', formatter: (x: { value: number }) => (x.value ? `空缺 ${x.value}` : ''), color: '#cf1322' },
      },
    ],
  };
}
