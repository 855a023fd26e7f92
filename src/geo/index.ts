// The places stage: the gazetteer and place recognition. Other stages call these.

export { findPlaces } from "./recognize.js";
export { countryName, countryCentroid } from "./countries.js";
