// LinliCharts.trend(container, {days, series: [{name, values, links}]}) and
// LinliCharts.bars(container, {labels, values, links, name, axis})
// Apache ECharts, only the parts the pages use (line and bar charts on a grid, tooltip, legend,
// canvas): the bundle stays far smaller than the whole library. Charts follow their container's size.
import * as echarts from 'echarts/core';
import { LineChart, BarChart } from 'echarts/charts';
import { GridComponent, TooltipComponent, LegendComponent } from 'echarts/components';
import { CanvasRenderer } from 'echarts/renderers';

echarts.use([LineChart, BarChart, GridComponent, TooltipComponent, LegendComponent, CanvasRenderer]);

// the workbench's colours (work.css): blue, green, red
const COLOURS = ['#1f5fbf', '#15803d', '#b91c1c'];
const FONT = '"PingFang SC", "Hiragino Sans GB", "Microsoft YaHei", "Noto Sans CJK SC", "Source Han Sans SC", system-ui, sans-serif';

function init(container) {
  const existing = echarts.getInstanceByDom(container);
  if (existing) existing.dispose();
  const chart = echarts.init(container, null, { renderer: 'canvas' });
  // a phone turned, a card folded open, the window resized: the chart follows its box
  if (window.ResizeObserver) {
    new ResizeObserver(() => chart.resize()).observe(container);
  } else {
    window.addEventListener('resize', () => chart.resize());
  }
  return chart;
}

function narrow(container) {
  return container.clientWidth < 480;
}

// Received, closed and late steps per day; a click on a day opens that day's cases of the series.
function trend(container, data) {
  const chart = init(container);
  const small = narrow(container);
  chart.setOption({
    color: COLOURS,
    textStyle: { fontFamily: FONT },
    tooltip: { trigger: 'axis' },
    legend: { top: 0, itemGap: small ? 8 : 16 },
    grid: { left: 8, right: 12, top: 36, bottom: 8, containLabel: true },
    xAxis: { type: 'category', boundaryGap: false, data: data.days, axisLabel: { hideOverlap: true } },
    yAxis: { type: 'value', minInterval: 1 },
    series: data.series.map((s) => ({
      name: s.name, type: 'line', data: s.values, symbolSize: small ? 4 : 6, showSymbol: data.days.length <= 31,
      triggerLineEvent: true, emphasis: { focus: 'series' },
    })),
  });
  chart.on('click', (e) => {
    const s = data.series[e.seriesIndex];
    const href = s && s.links && s.links[e.dataIndex];
    if (href) window.location.href = href;
  });
  return chart;
}

// One bar a bucket (the open cases by working days open); a click on a bar opens its cases.
function bars(container, data) {
  const chart = init(container);
  chart.setOption({
    color: [COLOURS[0]],
    textStyle: { fontFamily: FONT },
    tooltip: { trigger: 'axis' },
    grid: { left: 8, right: 12, top: 20, bottom: 24, containLabel: true },
    xAxis: { type: 'category', data: data.labels, name: data.axis, nameLocation: 'middle', nameGap: 28 },
    yAxis: { type: 'value', minInterval: 1 },
    series: [{
      name: data.name, type: 'bar', data: data.values, barMaxWidth: 48,
      label: { show: true, position: 'top' },
      // the oldest bucket in red: what a supervisor looks at first
      itemStyle: { color: (p) => (p.dataIndex === data.values.length - 1 ? COLOURS[2] : COLOURS[0]) },
      cursor: data.links ? 'pointer' : 'default',
    }],
  });
  chart.on('click', (e) => {
    const href = data.links && data.links[e.dataIndex];
    if (href) window.location.href = href;
  });
  return chart;
}

window.LinliCharts = { trend, bars };
