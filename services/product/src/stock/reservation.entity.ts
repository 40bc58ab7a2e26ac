/** A stock reservation held for an order (its id is the order id) and its lines. */
import {
  Check,
  Column,
  CreateDateColumn,
  Entity,
  Index,
  JoinColumn,
  ManyToOne,
  OneToMany,
  PrimaryColumn,
  type Relation,
} from "typeorm";

export const RESERVATION_STATUSES = ["reserved", "committed", "released"] as const;
export type ReservationStatus = (typeof RESERVATION_STATUSES)[number];

@Entity("stock_reservations")
@Index("IDX_stock_reservations_expiry", ["status", "expiresAt"])
@Check("CHK_stock_reservations_status", "status IN ('reserved', 'committed', 'released')")
export class Reservation {
  @PrimaryColumn({ type: "varchar", length: 100 })
  id: string;

  @Column({ type: "varchar", length: 16 })
  status: ReservationStatus;

  @Column({ type: "timestamptz" })
  expiresAt: Date;

  @Column({ type: "timestamptz", nullable: true })
  committedAt: Date | null;

  @Column({ type: "timestamptz", nullable: true })
  releasedAt: Date | null;

  /** `requested` (release call) or `expired` (the sweeper). */
  @Column({ type: "varchar", length: 16, nullable: true })
  releaseReason: string | null;

  @OneToMany(() => ReservationLine, (line) => line.reservation)
  lines: Relation<ReservationLine[]>;

  @CreateDateColumn({ type: "timestamptz" })
  createdAt: Date;
}

@Entity("stock_reservation_lines")
@Check("CHK_stock_reservation_lines_quantity", "quantity > 0")
export class ReservationLine {
  @PrimaryColumn({ type: "varchar", length: 100 })
  reservationId: string;

  @PrimaryColumn({ type: "integer" })
  lineNo: number;

  @ManyToOne(() => Reservation, (reservation) => reservation.lines, { onDelete: "CASCADE" })
  @JoinColumn({ name: "reservation_id" })
  reservation: Relation<Reservation>;

  @Column({ type: "uuid" })
  productId: string;

  @Column({ type: "uuid", nullable: true })
  optionId: string | null;

  @Column({ type: "integer" })
  quantity: number;
}
