//! The map link of a partner's address (URL pieces come from the shared
//! crate's `percent_encode` and `decimal`).
//!
//! Amap (高德地图) is the map most visitors have on their phones; its URI API
//! opens the app when installed and the web map otherwise.

use linan_shared::{GeoPoint, decimal as coord, percent_encode};

/// An Amap marker link for a point, labelled `name`.
///
/// Amap takes `lon,lat` (longitude first). Our points are WGS-84 (GPS), so the
/// link says `coordinate=wgs84` and Amap converts to its own GCJ-02 grid;
/// `callnative=0` keeps it in the browser when no app is installed.
pub fn amap_marker(point: GeoPoint, name: &str) -> String {
    format!(
        "https://uri.amap.com/marker?position={},{}&name={}&src=linan-talent-home&coordinate=wgs84&callnative=0",
        coord(point.lon()),
        coord(point.lat()),
        percent_encode(name)
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_map_link_puts_longitude_first_and_encodes_the_name() {
        let p = GeoPoint::new(23.1229, 113.2431).unwrap();
        let link = amap_marker(p, "陈家祠 & <b>\"x\"</b>");
        assert!(link.starts_with("https://uri.amap.com/marker?position=113.2431,23.1229&name="), "{link}");
        assert!(link.contains("name=%E9%99%88%E5%AE%B6%E7%A5%A0%20%26%20%3Cb%3E%22x%22%3C%2Fb%3E&"), "{link}");
        assert!(!link.contains(' ') && !link.contains('<') && !link.contains('"'));
    }
}
