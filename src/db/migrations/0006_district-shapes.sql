CREATE TABLE "district_shapes" (
	"state" text NOT NULL,
	"district" integer NOT NULL,
	"geoid" text NOT NULL,
	"polygons" jsonb NOT NULL,
	CONSTRAINT "district_shapes_state_district_pk" PRIMARY KEY("state","district")
);
