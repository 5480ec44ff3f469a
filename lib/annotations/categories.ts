import { z } from "zod";
import { ANNOTATION_CATEGORIES } from "./category-labels";

export { ANNOTATION_CATEGORIES, CATEGORY_LABELS, type AnnotationCategory } from "./category-labels";
export const annotationCategorySchema = z.enum(ANNOTATION_CATEGORIES);

export { ANNOTATION_STATUSES, type AnnotationStatus } from "@/lib/workflow/statuses";
