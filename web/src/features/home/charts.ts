// ECharts options for the home page; every bar or slice carries the figure it draws.
import type { EChartsCoreOption } from 'echarts/core';
import type { StatItem } from '../../api/stats';

export const PALETTE = ['#1f5fbf', '#c62828', '#f59e0b', '#10b981', '#8b5cf6', '#0ea5e9', '#ef4444', '#64748b', '#84cc16', '#ec4899'];

const tooltipValue = (v: unknown) => `${String(v)} 人`;

export function barOption(items: StatItem[], color: string, horizontal = false): EChartsCoreOption {
  const cat = { type: 'category', data: items.map((i) => i.label), axisTick: { show: false }, axisLabel: { interval: 0, fontSize: 12 } };
  const val = { type: 'value', minInterval: 1, splitLine: { lineStyle: { color: '#eef0f3' } } };
  return {
    color: [color],
    tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' }, valueFormatter: tooltipValue },
    grid: { left: 8, right: 32, top: 24, bottom: 4, containLabel: true },
    xAxis: horizontal ? val : cat,
    yAxis: horizontal ? { ...cat, inverse: true } : val,
    series: [
      {
        type: 'bar',
        data: items.map((i) => i.count),
        barMaxWidth: horizontal ? 18 : 40,
        label: { show: true, position: horizontal ? 'right' : 'top', color: '#374151' },
      },
    ],
  };
}

export function pieOption(items: StatItem[], colors: string[] = PALETTE): EChartsCoreOption {
  return {
    color: colors,
    tooltip: { trigger: 'item', formatter: '{b}：{c} 人（{d}%）' },
    legend: { bottom: 0, type: 'scroll', icon: 'circle', itemWidth: 10, itemHeight: 10 },
    series: [
      {
        type: 'pie',
        radius: ['40%', '66%'],
        center: ['50%', '44%'],
        avoidLabelOverlap: true,
        data: items.map((i) => ({ name: i.label, value: i.count })),
        label: { formatter: '{b}\n{d}%', color: '#374151' },
      },
    ],
  };
}
