/** Every TypeORM entity of the service, in one list for the data source and tests. */
import { Category } from "../categories/category.entity.js";
import { ProductImage } from "../images/product-image.entity.js";
import { ProductOption } from "../products/product-option.entity.js";
import { Product } from "../products/product.entity.js";
import { Reservation, ReservationLine } from "../stock/reservation.entity.js";
import { Review } from "../reviews/review.entity.js";

export const entities = [
  Category,
  Product,
  ProductOption,
  ProductImage,
  Review,
  Reservation,
  ReservationLine,
];
