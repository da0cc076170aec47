namespace OomLab.Report;

/// <summary>The report's stylesheet: light and dark palettes (prefers-color-scheme), and print rules.</summary>
internal static class ReportStyles
{
    public const string Css = """
        :root{--bg:#fff;--fg:#1d2330;--muted:#5b6474;--grid:#e6e8ee;--axis:#9aa1ad;--panel:#f6f7f9;--border:#d9dde4;
        --healthy:#2e9e5b;--degraded:#e0a100;--critical:#d7263d;--incident:rgba(215,38,61,.07);--remediation:#2563eb;
        --kill:#c0162c;--restart:#2563eb;--oom:#8b3fd9;--bar:#4f7bd9;--phase0:#e8edf6;--phase1:#dbe3f1;--phase-incident:#f7d7dc;
        --c0:#1f77b4;--c1:#ff7f0e;--c2:#2ca02c;--c3:#9467bd;--c4:#8c564b;--c5:#e377c2;--c6:#17becf;--c7:#bcbd22;--ok:#1e7d45;--off:#b3261e}
        @media (prefers-color-scheme:dark){:root{--bg:#14171c;--fg:#e6e9ef;--muted:#a3abb8;--grid:#2a2f38;--axis:#5d6572;--panel:#1c2027;
        --border:#343a45;--incident:rgba(255,90,110,.12);--remediation:#6ea0ff;--kill:#ff5a6e;--restart:#6ea0ff;--oom:#c08bff;--bar:#6f96ea;
        --phase0:#232a36;--phase1:#2b3442;--phase-incident:#4a2430;--c0:#5aa9e6;--c1:#ffa94d;--c2:#5fd35f;--c3:#b794f6;--c4:#c49c94;
        --c5:#f7a1d8;--c6:#4dd9e8;--c7:#dede5a;--ok:#58c98a;--off:#ff8a80}}
        *{box-sizing:border-box}
        body{margin:0;background:var(--bg);color:var(--fg);font:14px/1.45 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif}
        header,main,footer{max-width:1100px;margin:0 auto;padding:0 20px}
        h1{font-size:22px;margin:20px 0 6px}h2{font-size:18px;margin:28px 0 8px;border-bottom:1px solid var(--border);padding-bottom:4px}
        h3{font-size:15px;margin:18px 0 6px}
        .facts{display:grid;grid-template-columns:max-content 1fr;gap:2px 14px;margin:8px 0}.facts dt{color:var(--muted)}.facts dd{margin:0}
        nav{display:flex;gap:14px;margin:10px 0 4px;flex-wrap:wrap}a{color:var(--remediation)}
        .verdict{font-weight:600;padding:6px 10px;border-radius:6px;display:inline-block;margin:6px 0}
        .verdict.supported{background:color-mix(in srgb,var(--critical) 15%,transparent)}
        .verdict.not-supported{background:color-mix(in srgb,var(--healthy) 18%,transparent)}
        .problem{color:var(--off);font-weight:600}.no-data{color:var(--muted);font-style:italic}.small{color:var(--muted);font-size:12px}
        figure{margin:14px 0;break-inside:avoid}figcaption{font-weight:600;margin-bottom:2px}
        svg.chart{width:100%;height:auto;display:block;overflow:visible}
        svg.chart text{fill:var(--muted);font-size:11px}svg.chart text.label{fill:var(--fg);font-size:12px}
        .grid line{stroke:var(--grid)}.axis line{stroke:var(--axis)}
        .band{opacity:.13}.band.healthy{fill:var(--healthy)}.band.degraded{fill:var(--degraded)}.band.critical{fill:var(--critical)}
        .rule line{stroke-width:1.5;stroke-dasharray:6 3}.rule.ceiling line{stroke:var(--critical)}svg.chart .rule.ceiling text{fill:var(--critical);font-weight:600}
        .line{fill:none;stroke-width:1.4;stroke-linejoin:round}.line.total{stroke:var(--fg);stroke-width:2.2}
        .c0{stroke:var(--c0)}.c1{stroke:var(--c1)}.c2{stroke:var(--c2)}.c3{stroke:var(--c3)}.c4{stroke:var(--c4)}.c5{stroke:var(--c5)}.c6{stroke:var(--c6)}.c7{stroke:var(--c7)}
        .bars rect{fill:var(--bar)}
        .marker.kill{stroke:var(--kill);stroke-width:2.2;fill:none}.marker.restart{fill:var(--restart)}.marker.oom{fill:var(--oom)}
        .kill-line{stroke:var(--kill);stroke-opacity:.4;stroke-dasharray:2 3}
        .phase-incident{fill:var(--incident)}.phase-line{stroke:var(--axis);stroke-dasharray:3 3}
        .remediation{stroke:var(--remediation);stroke-width:2;stroke-dasharray:5 3}
        .phase rect{stroke:var(--bg);stroke-width:1}.phase.p0 rect{fill:var(--phase0)}.phase.p1 rect{fill:var(--phase1)}.phase.incident rect{fill:var(--phase-incident)}
        svg.chart .phase text{fill:var(--fg);font-size:12px}svg.chart .phase text.small{fill:var(--muted);font-size:10px}
        svg.chart .remediation-mark text{fill:var(--remediation);font-weight:600}
        .legend{list-style:none;padding:0;margin:4px 0 0 76px;display:flex;flex-wrap:wrap;gap:4px 16px;font-size:12px}
        .swatch{display:inline-block;width:18px;height:10px;margin-right:6px;vertical-align:middle;border-radius:2px}
        .swatch.c0{background:var(--c0)}.swatch.c1{background:var(--c1)}.swatch.c2{background:var(--c2)}.swatch.c3{background:var(--c3)}
        .swatch.c4{background:var(--c4)}.swatch.c5{background:var(--c5)}.swatch.c6{background:var(--c6)}.swatch.c7{background:var(--c7)}
        .swatch.total{background:var(--fg);height:4px}.swatch.band{opacity:.35}.swatch.band.healthy{background:var(--healthy)}
        .swatch.band.degraded{background:var(--degraded)}.swatch.band.critical{background:var(--critical)}
        .swatch.rule{height:0;border-top:2px dashed var(--critical);border-radius:0}
        .swatch.marker{width:10px;border-radius:50%}.swatch.marker.kill{background:var(--kill);border-radius:0}
        .swatch.marker.restart{background:var(--restart)}.swatch.marker.oom{background:var(--oom);transform:rotate(45deg);width:9px;height:9px;border-radius:0}
        .table-wrap{overflow-x:auto}
        table{border-collapse:collapse;width:100%;margin:6px 0 10px;font-size:13px}
        th,td{border:1px solid var(--border);padding:4px 7px;text-align:left;vertical-align:top;overflow-wrap:break-word}
        #criteria td:first-child,#hypotheses td:first-child,#lifecycle td:first-child,#criteria td:nth-child(3){white-space:nowrap}
        th{background:var(--panel)}tr.off td{color:var(--off)}tr.disproof td:first-child{font-style:italic}
        details{border:1px solid var(--border);border-radius:6px;padding:6px 10px;margin:6px 0;background:var(--panel)}
        summary{cursor:pointer;font-weight:600}
        pre{background:var(--bg);border:1px solid var(--border);border-radius:4px;padding:8px;overflow-x:auto;font-size:12px;white-space:pre-wrap}
        .severity strong{color:var(--critical);margin-right:4px}
        footer{color:var(--muted);font-size:12px;margin-top:30px;padding-bottom:20px}
        @media print{:root{--bg:#fff;--fg:#000;--muted:#444;--panel:#f3f3f3}body{font-size:11px}nav{display:none}
        header,main,footer{max-width:none;padding:0}figure,table,details{break-inside:avoid}h2{break-after:avoid}
        details{border:none;padding:0;background:none}}
        """;
}
