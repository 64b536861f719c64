import { LitElement, html, css } from 'lit';
import * as echarts from 'echarts/core';
import { BarChart, LineChart } from 'echarts/charts';
import { GridComponent, LegendComponent, TooltipComponent } from 'echarts/components';
import { SVGRenderer } from 'echarts/renderers';

// only the parts used here, so the bundle carries a fraction of echarts
echarts.use([BarChart, LineChart, GridComponent, LegendComponent, TooltipComponent, SVGRenderer]);

/**
 * A chart drawn by Apache ECharts from one JSON property, `data`:
 * { kind: 'BAR' | 'STACKED_BAR' | 'LINE', horizontal, categories: [..], series: [{ name, colour, values: [..] }] }.
 * The server (org.parcours.ui.chart.Chart) sets it; the page shows the same figures in a table beside it.
 */
class ParcoursChart extends LitElement {
  static properties = {
    data: { type: Object },
  };

  static styles = css`
    :host {
      display: block;
      position: relative;
      min-height: 14em;
    }
    #chart {
      position: absolute;
      inset: 0;
    }
  `;

  render() {
    return html`<div id="chart"></div>`;
  }

  connectedCallback() {
    super.connectedCallback();
    // a view re-attached after navigation gets a fresh chart
    if (this.hasUpdated) {
      this._draw();
    }
  }

  disconnectedCallback() {
    super.disconnectedCallback();
    this._resize?.disconnect();
    this._chart?.dispose();
    this._chart = undefined;
  }

  updated() {
    this._draw();
  }

  _draw() {
    const target = this.renderRoot.querySelector('#chart');
    if (!target || !this.data) {
      return;
    }
    if (!this._chart) {
      this._chart = echarts.init(target, null, { renderer: 'svg' });
      this._resize = new ResizeObserver(() => {
        this._chart?.resize();
        this._draw();
      });
      this._resize.observe(this);
    }
    this._chart.setOption(ParcoursChart.option(this.data, this.clientWidth), true);
  }

  static option(data, width) {
    const horizontal = !!data.horizontal;
    // the legend wraps onto several lines; leave it room above the plot (about 7 px per character)
    const legendWidth = data.series.reduce((sum, s) => sum + 7 * s.name.length + 45, 0);
    const legendLines = data.series.length > 1 ? Math.ceil(legendWidth / Math.max(200, (width || 400) - 20)) : 0;
    const stacked = data.kind === 'STACKED_BAR';
    const categoryAxis = { type: 'category', data: data.categories, inverse: horizontal,
      axisLabel: { width: horizontal ? 140 : undefined, overflow: 'truncate', hideOverlap: true } };
    const valueAxis = { type: 'value', minInterval: 1 };
    return {
      animation: false,
      tooltip: { trigger: 'axis' },
      legend: { show: legendLines > 0, top: 0, type: 'plain' },
      grid: { left: 8, right: 16, top: 12 + 24 * legendLines, bottom: 8, containLabel: true },
      xAxis: horizontal ? valueAxis : categoryAxis,
      yAxis: horizontal ? categoryAxis : valueAxis,
      series: data.series.map((s) => ({
        name: s.name,
        type: data.kind === 'LINE' ? 'line' : 'bar',
        stack: stacked ? 'total' : undefined,
        data: s.values,
        itemStyle: s.colour ? { color: s.colour } : undefined,
        lineStyle: s.colour ? { color: s.colour } : undefined,
        barMaxWidth: 28,
      })),
    };
  }
}

customElements.define('parcours-chart', ParcoursChart);
