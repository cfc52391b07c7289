<?php

declare(strict_types=1);

use Monolog\Handler\StreamHandler;
use Monolog\Logger;
use Psr\Http\Message\ResponseInterface as Response;
use Psr\Http\Message\ServerRequestInterface as Request;
use Shopfront\Loyalty\PointsRepository;
use Slim\Factory\AppFactory;

require __DIR__ . '/../vendor/autoload.php';

// No tracing: requests are only logged.
$log = new Logger('loyalty', [new StreamHandler('php://stderr')]);
$repo = new PointsRepository(new PDO((string) getenv('DATABASE_DSN'), getenv('DATABASE_USER') ?: null, getenv('DATABASE_PASSWORD') ?: null));

$app = AppFactory::create();
$app->addBodyParsingMiddleware();
$app->addErrorMiddleware(false, true, true, $log);

$json = static function (Response $res, array $body, int $status = 200): Response {
    $res->getBody()->write(json_encode($body, JSON_THROW_ON_ERROR));
    return $res->withHeader('Content-Type', 'application/json')->withStatus($status);
};

$app->get('/members/{id}', function (Request $req, Response $res, array $args) use ($repo, $json) {
    $balance = $repo->balance($args['id']);
    return $json($res, ['customerId' => $args['id'], 'points' => $balance, 'tier' => PointsRepository::tier($balance)]);
});

$app->post('/members/{id}/points', function (Request $req, Response $res, array $args) use ($repo, $json, $log) {
    $body = (array) $req->getParsedBody();
    $repo->add($args['id'], (int) ($body['points'] ?? 0), (string) ($body['reason'] ?? 'order'));
    $log->info('points added', ['customer' => $args['id'], 'points' => $body['points'] ?? 0]);
    return $json($res, ['ok' => true], 201);
});

$app->get('/healthz', fn (Request $req, Response $res) => $json($res, ['status' => 'ok']));

$app->run();
