//! SVG charts, drawn by hand so they read without JavaScript, print well and carry a text
//! alternative. Colours come from CSS classes, so the stylesheet (and the dark scheme) styles
//! them.

use std::fmt::Write;

use crate::model::{Claim, Figure, Place};
use crate::render::body::escape;
use crate::render::format_number;

/// One row of a figure chart: a claim and who made it where.
pub struct ChartRow<'a> {
    pub claim: &'a Claim,
    /// "Barack Obama (NPR)" or "the outlet's own figure (NPR)".
    pub label: String,
}

/// A chart of a figure group's claims: one mark per claim on a shared axis; exact values as
/// dots, approximate ones as open circles with a band, lower and upper bounds as bars open
/// towards the side they leave open, ranges as bars. Unit errors are not plotted.
pub fn figure_chart(figure: &Figure, rows: &[ChartRow]) -> String {
    let rows: Vec<&ChartRow> = rows.iter().filter(|r| !r.claim.unit_error).collect();
    if rows.is_empty() {
        return String::new();
    }
    let unit = &figure.unit;
    let top = rows
        .iter()
        .map(|r| {
            r.claim
                .normalized
                .value_max
                .unwrap_or(r.claim.normalized.value)
        })
        .fold(0.0_f64, f64::max);
    let axis_max = nice_ceiling(top * 1.15);
    let (left, plot, right, row_h, head) = (250.0, 330.0, 190.0, 30.0, 16.0);
    let width = left + plot + right;
    let height = head + row_h * rows.len() as f64 + 40.0;
    let x = |v: f64| left + (v / axis_max).clamp(0.0, 1.05) * plot;
    let id = format!("chart-{}", figure.id);
    let mut svg = String::new();
    let _ = write!(
        svg,
        "<svg class=\"chart\" viewBox=\"0 0 {width} {height}\" width=\"{width}\" height=\"{height}\" role=\"img\" aria-labelledby=\"{id}-title {id}-desc\" xmlns=\"http://www.w3.org/2000/svg\">"
    );
    let _ = write!(
        svg,
        "<title id=\"{id}-title\">{}</title>",
        escape(&figure.label)
    );
    let desc: Vec<String> = rows
        .iter()
        .map(|r| {
            format!(
                "{}: {} ({} {})",
                r.label,
                r.claim.text,
                format_number(r.claim.normalized.value),
                unit
            )
        })
        .collect();
    let _ = write!(
        svg,
        "<desc id=\"{id}-desc\">{}</desc>",
        escape(&desc.join("; "))
    );
    // Axis and grid.
    let axis_y = head + row_h * rows.len() as f64 + 6.0;
    for tick in ticks(axis_max) {
        let tx = x(tick);
        let _ = write!(
            svg,
            "<line class=\"grid\" x1=\"{tx:.1}\" y1=\"{head}\" x2=\"{tx:.1}\" y2=\"{axis_y}\"/>"
        );
        let _ = write!(
            svg,
            "<text class=\"tick\" x=\"{tx:.1}\" y=\"{:.1}\" text-anchor=\"middle\">{}</text>",
            axis_y + 16.0,
            escape(&format_number(tick))
        );
    }
    let _ = write!(
        svg,
        "<line class=\"axis\" x1=\"{left}\" y1=\"{axis_y}\" x2=\"{:.1}\" y2=\"{axis_y}\"/>",
        left + plot
    );
    let _ = write!(
        svg,
        "<text class=\"tick\" x=\"{:.1}\" y=\"{:.1}\" text-anchor=\"end\">{}</text>",
        left + plot,
        axis_y + 32.0,
        escape(unit_name(unit))
    );
    for (i, r) in rows.iter().enumerate() {
        let c = r.claim;
        let cy = head + row_h * i as f64 + row_h / 2.0;
        let v = c.normalized.value;
        let _ = write!(
            svg,
            "<text class=\"row-label\" x=\"{:.1}\" y=\"{:.1}\" text-anchor=\"end\">{}</text>",
            left - 10.0,
            cy + 4.0,
            escape(&truncate(&r.label, 36))
        );
        let class = format!("mark {}", c.qualifier.replace('_', "-"));
        match c.qualifier.as_str() {
            "lower_bound" => {
                let _ = write!(
                    svg,
                    "<line class=\"{class} bar\" x1=\"{:.1}\" y1=\"{cy}\" x2=\"{:.1}\" y2=\"{cy}\"/>",
                    x(v),
                    left + plot
                );
                let _ = write!(
                    svg,
                    "<path class=\"{class} arrow\" d=\"M{:.1},{:.1} l8,6 l-8,6 z\"/>",
                    left + plot,
                    cy - 6.0
                );
                let _ = write!(
                    svg,
                    "<circle class=\"{class}\" cx=\"{:.1}\" cy=\"{cy}\" r=\"5\"/>",
                    x(v)
                );
            }
            "upper_bound" => {
                let _ = write!(
                    svg,
                    "<line class=\"{class} bar\" x1=\"{left}\" y1=\"{cy}\" x2=\"{:.1}\" y2=\"{cy}\"/>",
                    x(v)
                );
                let _ = write!(
                    svg,
                    "<path class=\"{class} arrow\" d=\"M{left},{:.1} l-8,6 l8,6 z\"/>",
                    cy - 6.0
                );
                let _ = write!(
                    svg,
                    "<circle class=\"{class}\" cx=\"{:.1}\" cy=\"{cy}\" r=\"5\"/>",
                    x(v)
                );
            }
            "range" => {
                let hi = c.normalized.value_max.unwrap_or(v);
                let _ = write!(
                    svg,
                    "<line class=\"{class} bar\" x1=\"{:.1}\" y1=\"{cy}\" x2=\"{:.1}\" y2=\"{cy}\"/>",
                    x(v),
                    x(hi)
                );
                for end in [v, hi] {
                    let _ = write!(
                        svg,
                        "<line class=\"{class} cap\" x1=\"{:.1}\" y1=\"{:.1}\" x2=\"{:.1}\" y2=\"{:.1}\"/>",
                        x(end),
                        cy - 6.0,
                        x(end),
                        cy + 6.0
                    );
                }
            }
            "approximate" => {
                let _ = write!(
                    svg,
                    "<line class=\"{class} band\" x1=\"{:.1}\" y1=\"{cy}\" x2=\"{:.1}\" y2=\"{cy}\"/>",
                    x(v * 0.85),
                    x(v * 1.15)
                );
                let _ = write!(
                    svg,
                    "<circle class=\"{class} open\" cx=\"{:.1}\" cy=\"{cy}\" r=\"6\"/>",
                    x(v)
                );
            }
            _ => {
                let _ = write!(
                    svg,
                    "<circle class=\"{class}\" cx=\"{:.1}\" cy=\"{cy}\" r=\"6\"/>",
                    x(v)
                );
            }
        }
        let _ = write!(
            svg,
            "<text class=\"value-label\" x=\"{:.1}\" y=\"{:.1}\">{}</text>",
            left + plot + 14.0,
            cy + 4.0,
            escape(&truncate(&c.text, 28))
        );
    }
    svg.push_str("</svg>");
    svg
}

fn unit_name(code: &str) -> &str {
    match code {
        "km2" => "square kilometres",
        "km" => "kilometres",
        "day" => "days",
        "kg" => "kilograms",
        "l" => "litres",
        "kmh" => "km per hour",
        "percent" => "per cent",
        "count" => "number",
        other => other,
    }
}

fn truncate(s: &str, n: usize) -> String {
    if s.chars().count() <= n {
        s.to_string()
    } else {
        format!("{}…", s.chars().take(n - 1).collect::<String>())
    }
}

/// 1, 2 or 5 times a power of ten at or above `v`.
fn nice_ceiling(v: f64) -> f64 {
    if v <= 0.0 {
        return 1.0;
    }
    let p = 10f64.powf(v.log10().floor());
    for m in [1.0, 2.0, 2.5, 5.0, 10.0] {
        if m * p >= v {
            return m * p;
        }
    }
    10.0 * p
}

fn ticks(max: f64) -> Vec<f64> {
    let step = nice_ceiling(max / 5.0);
    let mut t = Vec::new();
    let mut v = 0.0;
    while v <= max + step * 0.01 {
        t.push(v);
        v += step;
    }
    t
}

/// Places drawn on one map at most: the most-mentioned. Beyond a few hundred the labels are an
/// unreadable blot and the page grows by tens of kilobytes per hundred places.
pub const MAP_PLACES: usize = 250;
/// Far places named under a map at most: the most-mentioned.
pub const MAP_FAR_NAMES: usize = 30;

/// A locator map and what it leaves out, so that a page can say so.
#[derive(Debug, Clone, Default)]
pub struct LocatorMap {
    /// The SVG, or empty when nothing can be drawn.
    pub svg: String,
    /// The most-mentioned places too far from the rest to draw, at most [`MAP_FAR_NAMES`].
    pub far: Vec<String>,
    /// Far places not named in `far`.
    pub far_unnamed: usize,
    /// Places near enough to draw but left off beyond the [`MAP_PLACES`] most-mentioned.
    pub not_drawn: usize,
}

/// A locator map: the briefing's places with coordinates drawn on a latitude-longitude grid
/// (equirectangular, no tiles, no network), each labelled and linked to its page. Places far
/// from the rest (another continent) are listed rather than drawn, so the map stays readable.
pub fn locator_map(places: &[&Place], link: &dyn Fn(&str) -> String) -> LocatorMap {
    let mut located: Vec<(&Place, f64, f64)> = places
        .iter()
        .filter(|p| matches!(p.kind.as_str(), "city" | "region" | "feature" | "other"))
        .filter_map(|p| Some((*p, p.lat?, p.lon?)))
        .collect();
    if located.is_empty() {
        return LocatorMap::default();
    }
    // Most-mentioned first (stable, so ties keep the briefing's order): what is drawn or
    // named when not all can be.
    located.sort_by_key(|(p, _, _)| std::cmp::Reverse(p.mentions.len()));
    // Centre on the median, and keep what lies within about 3,000 km of it.
    let mut lats: Vec<f64> = located.iter().map(|x| x.1).collect();
    let mut lons: Vec<f64> = located.iter().map(|x| x.2).collect();
    lats.sort_by(f64::total_cmp);
    lons.sort_by(f64::total_cmp);
    let (mlat, mlon) = (lats[lats.len() / 2], lons[lons.len() / 2]);
    let (mut near, far): (Vec<_>, Vec<_>) = located
        .into_iter()
        .partition(|(_, lat, lon)| distance_km(*lat, *lon, mlat, mlon) < 3000.0);
    let mut map = LocatorMap {
        far: far
            .iter()
            .take(MAP_FAR_NAMES)
            .map(|(p, _, _)| p.name.clone())
            .collect(),
        far_unnamed: far.len().saturating_sub(MAP_FAR_NAMES),
        not_drawn: near.len().saturating_sub(MAP_PLACES),
        svg: String::new(),
    };
    near.truncate(MAP_PLACES);
    if near.is_empty() {
        return map;
    }
    let (mut min_lat, mut max_lat, mut min_lon, mut max_lon) =
        (90.0_f64, -90.0_f64, 180.0_f64, -180.0_f64);
    for (_, lat, lon) in &near {
        min_lat = min_lat.min(*lat);
        max_lat = max_lat.max(*lat);
        min_lon = min_lon.min(*lon);
        max_lon = max_lon.max(*lon);
    }
    // At least a degree and a half each way, and a margin.
    let pad = |lo: f64, hi: f64| {
        let span = (hi - lo).max(1.5);
        let mid = (lo + hi) / 2.0;
        (mid - span * 0.65, mid + span * 0.65)
    };
    let (min_lat, max_lat) = pad(min_lat, max_lat);
    let (min_lon, max_lon) = pad(min_lon, max_lon);
    let kx = (mlat.to_radians()).cos().max(0.2);
    let (w, h) = (
        640.0,
        640.0 * ((max_lat - min_lat) / ((max_lon - min_lon) * kx)).clamp(0.4, 1.2),
    );
    let px = |lon: f64| (lon - min_lon) / (max_lon - min_lon) * w;
    let py = |lat: f64| (max_lat - lat) / (max_lat - min_lat) * h;
    let mut svg = String::new();
    let _ = write!(
        svg,
        "<svg class=\"map\" viewBox=\"0 0 {w} {h:.0}\" width=\"{w}\" height=\"{h:.0}\" role=\"img\" aria-labelledby=\"map-title map-desc\" xmlns=\"http://www.w3.org/2000/svg\">"
    );
    svg.push_str("<title id=\"map-title\">Locator map of the places in this briefing</title>");
    let desc: Vec<String> = near
        .iter()
        .map(|(p, lat, lon)| format!("{} ({:.2}°, {:.2}°)", p.name, lat, lon))
        .collect();
    let _ = write!(
        svg,
        "<desc id=\"map-desc\">{}</desc>",
        escape(&desc.join("; "))
    );
    let _ = write!(
        svg,
        "<rect class=\"map-bg\" x=\"0\" y=\"0\" width=\"{w}\" height=\"{h:.0}\"/>"
    );
    // A one-degree graticule (or coarser for wide maps), labelled at the edges.
    let step = if max_lon - min_lon > 20.0 { 5.0 } else { 1.0 };
    let mut lon = (min_lon / step).ceil() * step;
    while lon <= max_lon {
        let x = px(lon);
        let _ = write!(
            svg,
            "<line class=\"graticule\" x1=\"{x:.1}\" y1=\"0\" x2=\"{x:.1}\" y2=\"{h:.0}\"/><text class=\"graticule-label\" x=\"{:.1}\" y=\"{:.0}\">{lon}°E</text>",
            x + 2.0,
            h - 4.0
        );
        lon += step;
    }
    let mut lat = (min_lat / step).ceil() * step;
    while lat <= max_lat {
        let y = py(lat);
        let _ = write!(
            svg,
            "<line class=\"graticule\" x1=\"0\" y1=\"{y:.1}\" x2=\"{w}\" y2=\"{y:.1}\"/><text class=\"graticule-label\" x=\"2\" y=\"{:.1}\">{lat}°N</text>",
            y - 2.0
        );
        lat += step;
    }
    for (p, lat, lon) in &near {
        let (x, y) = (px(*lon), py(*lat));
        let r = (3.0 + (p.mentions.len() as f64).sqrt() * 1.5).min(12.0);
        let class = if p.kind == "region" {
            "place region"
        } else {
            "place"
        };
        let _ = write!(
            svg,
            "<a href=\"{}\"><circle class=\"{class}\" cx=\"{x:.1}\" cy=\"{y:.1}\" r=\"{r:.1}\"><title>{}: {} mention{}</title></circle><text class=\"place-label\" x=\"{:.1}\" y=\"{:.1}\">{}</text></a>",
            escape(&link(&p.page)),
            escape(&p.name),
            p.mentions.len(),
            if p.mentions.len() == 1 { "" } else { "s" },
            x + r + 3.0,
            y + 4.0,
            escape(&p.name)
        );
    }
    svg.push_str("</svg>");
    map.svg = svg;
    map
}

fn distance_km(lat1: f64, lon1: f64, lat2: f64, lon2: f64) -> f64 {
    let (p1, p2) = (lat1.to_radians(), lat2.to_radians());
    let dp = p2 - p1;
    let dl = (lon2 - lon1).to_radians();
    let a = (dp / 2.0).sin().powi(2) + p1.cos() * p2.cos() * (dl / 2.0).sin().powi(2);
    6371.0 * 2.0 * a.sqrt().asin()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn axes_end_on_round_numbers() {
        assert_eq!(nice_ceiling(2875.0), 5000.0);
        assert_eq!(nice_ceiling(57.5), 100.0);
        assert_eq!(nice_ceiling(0.0), 1.0);
        assert_eq!(
            ticks(5000.0),
            vec![0.0, 1000.0, 2000.0, 3000.0, 4000.0, 5000.0]
        );
    }
}
