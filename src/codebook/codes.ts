import { PLACE_PRECISION_RANK, type ActorKind, type PlacePrecision } from "../model.js";

// The codes the contract fixes (shared/contract/README.md, "Codes"): the codebook may use no other,
// or a typo in one would reach the output as a code no consumer knows.

/** The GTD's attack types. */
export const ATTACK_TYPES = [
  "ASSASSINATION",
  "ARMED_ASSAULT",
  "BOMBING_EXPLOSION",
  "HIJACKING",
  "HOSTAGE_TAKING_BARRICADE",
  "HOSTAGE_TAKING_KIDNAPPING",
  "FACILITY_INFRASTRUCTURE_ATTACK",
  "UNARMED_ASSAULT",
  "UNKNOWN",
] as const;

/** The GTD's target types. */
export const TARGET_TYPES = [
  "BUSINESS",
  "GOVERNMENT_GENERAL",
  "POLICE",
  "MILITARY",
  "ABORTION_RELATED",
  "AIRPORTS_AIRCRAFT",
  "GOVERNMENT_DIPLOMATIC",
  "EDUCATIONAL_INSTITUTION",
  "FOOD_WATER_SUPPLY",
  "JOURNALISTS_MEDIA",
  "MARITIME",
  "NGO",
  "OTHER",
  "PRIVATE_CITIZENS_PROPERTY",
  "RELIGIOUS_FIGURES_INSTITUTIONS",
  "TELECOMMUNICATION",
  "TERRORISTS_NON_STATE_MILITIA",
  "TOURISTS",
  "TRANSPORTATION",
  "UNKNOWN",
  "UTILITIES",
  "VIOLENT_POLITICAL_PARTY",
] as const;

/** The GTD's weapon types. */
export const WEAPON_TYPES = [
  "BIOLOGICAL",
  "CHEMICAL",
  "RADIOLOGICAL",
  "NUCLEAR",
  "FIREARMS",
  "EXPLOSIVES",
  "FAKE_WEAPONS",
  "INCENDIARY",
  "MELEE",
  "VEHICLE",
  "SABOTAGE_EQUIPMENT",
  "OTHER",
  "UNKNOWN",
] as const;

/** ACLED's event types. */
export const EVENT_TYPES = [
  "BATTLES",
  "EXPLOSIONS_REMOTE_VIOLENCE",
  "VIOLENCE_AGAINST_CIVILIANS",
  "PROTESTS",
  "RIOTS",
  "STRATEGIC_DEVELOPMENTS",
] as const;

/** ACLED's sub-event types. */
export const SUB_EVENT_TYPES = [
  "ARMED_CLASH",
  "GOVERNMENT_REGAINS_TERRITORY",
  "NON_STATE_ACTOR_OVERTAKES_TERRITORY",
  "CHEMICAL_WEAPON",
  "AIR_DRONE_STRIKE",
  "SUICIDE_BOMB",
  "SHELLING_ARTILLERY_MISSILE_ATTACK",
  "REMOTE_EXPLOSIVE_LANDMINE_IED",
  "GRENADE",
  "SEXUAL_VIOLENCE",
  "ATTACK",
  "ABDUCTION_FORCED_DISAPPEARANCE",
  "PEACEFUL_PROTEST",
  "PROTEST_WITH_INTERVENTION",
  "EXCESSIVE_FORCE_AGAINST_PROTESTERS",
  "VIOLENT_DEMONSTRATION",
  "MOB_VIOLENCE",
  "AGREEMENT",
  "ARRESTS",
  "CHANGE_TO_GROUP_ACTIVITY",
  "DISRUPTED_WEAPONS_USE",
  "HEADQUARTERS_OR_BASE_ESTABLISHED",
  "LOOTING_PROPERTY_DESTRUCTION",
  "NON_VIOLENT_TRANSFER_OF_TERRITORY",
  "OTHER",
] as const;

/** A perpetrator's kind. */
export const ACTOR_KINDS = ["organization", "individual", "state", "unknown"] as const satisfies readonly ActorKind[];

/** A place's precision, finest first. */
export const PLACE_PRECISIONS = Object.keys(PLACE_PRECISION_RANK) as [PlacePrecision, ...PlacePrecision[]];

export type AttackType = (typeof ATTACK_TYPES)[number];
export type TargetType = (typeof TARGET_TYPES)[number];
export type WeaponType = (typeof WEAPON_TYPES)[number];
export type EventType = (typeof EVENT_TYPES)[number];
export type SubEventType = (typeof SUB_EVENT_TYPES)[number];
