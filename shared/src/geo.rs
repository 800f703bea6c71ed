//! Geographic points and distances.

use std::fmt;

/// Why a string or pair is not a valid point.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct GeoError;

impl fmt::Display for GeoError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("a point is written lat,lon with -90 <= lat <= 90 and -180 <= lon <= 180")
    }
}

impl std::error::Error for GeoError {}

/// A WGS-84 point (latitude, longitude in degrees), valid by construction.
#[derive(Debug, Clone, Copy, PartialEq, serde::Serialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct GeoPoint {
    #[cfg_attr(feature = "openapi", schema(minimum = -90, maximum = 90))]
    lat: f64,
    #[cfg_attr(feature = "openapi", schema(minimum = -180, maximum = 180))]
    lon: f64,
}

/// Mean Earth radius used for distances, in kilometres.
const EARTH_RADIUS_KM: f64 = 6371.0088;

impl GeoPoint {
    /// Builds a point, refusing out-of-range or non-finite coordinates.
    pub fn new(lat: f64, lon: f64) -> Result<Self, GeoError> {
        if lat.is_finite() && lon.is_finite() && (-90.0..=90.0).contains(&lat) && (-180.0..=180.0).contains(&lon) {
            Ok(Self { lat, lon })
        } else {
            Err(GeoError)
        }
    }

    /// Parses `lat,lon`, e.g. `23.1256,113.2443`.
    pub fn parse(s: &str) -> Result<Self, GeoError> {
        let (lat, lon) = s.split_once(',').ok_or(GeoError)?;
        let lat = lat.trim().parse().map_err(|_| GeoError)?;
        let lon = lon.trim().parse().map_err(|_| GeoError)?;
        Self::new(lat, lon)
    }

    /// Latitude in degrees.
    pub fn lat(self) -> f64 {
        self.lat
    }

    /// Longitude in degrees.
    pub fn lon(self) -> f64 {
        self.lon
    }

    /// Great-circle (haversine) distance in kilometres.
    ///
    /// ```
    /// use linan_shared::GeoPoint;
    /// // Shamian Island to Xiqiao Mountain: roughly 40 km.
    /// let shamian = GeoPoint::new(23.1086, 113.2442).unwrap();
    /// let xiqiao = GeoPoint::new(22.9370, 112.9680).unwrap();
    /// let d = shamian.distance_km(xiqiao);
    /// assert!((30.0..40.0).contains(&d), "{d}");
    /// ```
    pub fn distance_km(self, other: GeoPoint) -> f64 {
        let (p1, p2) = (self.lat.to_radians(), other.lat.to_radians());
        let dp = p2 - p1;
        let dl = (other.lon - self.lon).to_radians();
        let a = (dp / 2.0).sin().powi(2) + p1.cos() * p2.cos() * (dl / 2.0).sin().powi(2);
        2.0 * EARTH_RADIUS_KM * a.sqrt().asin()
    }
}

/// `lat,lon` with at most six decimals (0.1 m), as `near=` takes it.
impl fmt::Display for GeoPoint {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{},{}", crate::decimal(self.lat), crate::decimal(self.lon))
    }
}

impl<'de> serde::Deserialize<'de> for GeoPoint {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        #[derive(serde::Deserialize)]
        struct Raw {
            lat: f64,
            lon: f64,
        }
        let raw = Raw::deserialize(d)?;
        Self::new(raw.lat, raw.lon).map_err(serde::de::Error::custom)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn out_of_range_points_are_refused() {
        for bad in ["91,200", "0,181", "-90.1,0", "NaN,1", "1", "a,b", "", "1,2,3"] {
            assert!(GeoPoint::parse(bad).is_err(), "{bad}");
        }
        assert!(GeoPoint::parse("-90,180").is_ok());
    }
}
