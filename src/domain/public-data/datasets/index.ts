import type { DatasetKey } from "../catalogue.js";
import { billsImporter } from "./bills.js";
import { districtShapesImporter } from "./district-shapes.js";
import { groupsImporter } from "./groups.js";
import { legislatorsImporter } from "./legislators.js";
import { statesImporter } from "./states.js";
import type { DatasetImporter } from "./types.js";
import { zipCentroidsImporter } from "./zip-centroids.js";
import { zipCitiesImporter } from "./zip-cities.js";
import { zipDistrictsImporter } from "./zip-districts.js";

export const importers: Record<DatasetKey, DatasetImporter> = {
  states: statesImporter,
  legislators: legislatorsImporter,
  "zip-districts": zipDistrictsImporter,
  "zip-centroids": zipCentroidsImporter,
  "zip-cities": zipCitiesImporter,
  groups: groupsImporter,
  bills: billsImporter,
  "district-shapes": districtShapesImporter,
};
