// A small ECharts wrapper: only the chart types the app draws, rendered to canvas, resized with its box.
import { useEffect, useRef } from 'react';
import * as echarts from 'echarts/core';
import { BarChart, PieChart } from 'echarts/charts';
import { GridComponent, LegendComponent, TooltipComponent, TitleComponent } from 'echarts/components';
import { CanvasRenderer, SVGRenderer } from 'echarts/renderers';
import type { EChartsCoreOption } from 'echarts/core';

echarts.use([BarChart, PieChart, GridComponent, LegendComponent, TooltipComponent, TitleComponent, CanvasRenderer, SVGRenderer]);

export interface ChartClick {
  name: string;
  dataIndex: number;
  seriesIndex?: number;
}

export function EChart({
  option,
  height = 280,
  onClick,
  testId,
  renderer = 'canvas',
}: {
  option: EChartsCoreOption;
  height?: number;
  onClick?: (p: ChartClick) => void;
  testId?: string;
  /** 'svg' draws each bar and slice as an element of the page (clickable by a test, sharp in print) */
  renderer?: 'canvas' | 'svg';
}) {
  const ref = useRef<HTMLDivElement>(null);
  const chart = useRef<echarts.ECharts | null>(null);
  const clickRef = useRef(onClick);
  useEffect(() => {
    clickRef.current = onClick;
  }, [onClick]);

  useEffect(() => {
    if (!ref.current) return;
    const c = echarts.init(ref.current, undefined, { renderer, locale: 'ZH' });
    chart.current = c;
    c.on('click', (p) => clickRef.current?.({ name: String(p.name), dataIndex: p.dataIndex, seriesIndex: p.seriesIndex }));
    const ro = new ResizeObserver(() => c.resize());
    ro.observe(ref.current);
    return () => {
      ro.disconnect();
      c.dispose();
      chart.current = null;
    };
  }, [renderer]);

  useEffect(() => {
    chart.current?.setOption(option, true);
  }, [option]);

  return <div ref={ref} style={{ width: '100%', height, cursor: onClick ? 'pointer' : undefined }} data-testid={testId} />;
}
