<?php

declare(strict_types=1);

namespace Shopfront\Loyalty;

use PDO;

final class PointsRepository
{
    public function __construct(private readonly PDO $db)
    {
    }

    public function balance(string $customerId): int
    {
        $stmt = $this->db->prepare('SELECT COALESCE(SUM(points), 0) FROM point_events WHERE customer_id = ?');
        $stmt->execute([$customerId]);
        return (int) $stmt->fetchColumn();
    }

    public function add(string $customerId, int $points, string $reason): void
    {
        $stmt = $this->db->prepare('INSERT INTO point_events (customer_id, points, reason) VALUES (?, ?, ?)');
        $stmt->execute([$customerId, $points, $reason]);
    }

    public static function tier(int $balance): string
    {
        return match (true) {
            $balance >= 5000 => 'gold',
            $balance >= 1000 => 'silver',
            default => 'bronze',
        };
    }
}
